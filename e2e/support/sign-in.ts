import { expect, type Page } from '@playwright/test';
import { totpCode, totpStep } from '../../lib/auth/totp';

// The server refuses a code from a time step at or before the last one it accepted for the account.
// Specs run one after another in one worker, so remembering the steps used here is enough.
const lastStepUsed = new Map<string, number>();

/** The authenticator code for the earliest step the server will still accept (now, or a little ahead). */
export async function nextTotpCode(key: string, secret: string): Promise<string> {
  let step = Math.max(totpStep(), (lastStepUsed.get(key) ?? 0) + 1);
  // The server accepts one step ahead of its clock; beyond that, wait for time to catch up.
  while (step > totpStep() + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    step = Math.max(totpStep(), (lastStepUsed.get(key) ?? 0) + 1);
  }
  lastStepUsed.set(key, step);
  return totpCode(secret, step);
}

export function accountKey(page: Page, email: string): string {
  return `${new URL(page.url()).origin} ${email}`;
}

/** Records a step the server accepted outside `signIn` (for example while enrolling). */
export function rememberTotpStep(key: string, step: number): void {
  lastStepUsed.set(key, Math.max(step, lastStepUsed.get(key) ?? 0));
}

/** Signs in through the form: email and password, then the authenticator code when asked. */
export async function signIn(page: Page, account: { email: string; password: string; totpSecret: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = page.getByLabel('Authenticator or recovery code');
  await expect(code).toBeVisible();
  // Each engine's server keeps its own record of used steps.
  await code.fill(await nextTotpCode(accountKey(page, account.email), account.totpSecret));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}
