/**
 * The staff accounts end-to-end journeys start from, one per role, and how a spec signs in as one:
 * each has a fixed authenticator secret (base32, as an authenticator app would hold it) so a spec can
 * compute its codes. Only ever created in throwaway e2e databases (prepare-database.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Database } from '../../db/client';
import { totpCode, totpStep } from '../../lib/auth/totp';

export const E2E_ADMIN = {
  email: 'e2e.admin@vigil.test',
  password: 'e2e admin password, long enough',
  displayName: 'E2E Admin',
  role: 'admin',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
} as const;

/** A second admin: rules that let fewer people publish apply only once two admins saved them. */
export const E2E_SECOND_ADMIN = {
  email: 'e2e.second-admin@vigil.test',
  password: 'e2e second admin password, long enough',
  displayName: 'E2E Second Admin',
  role: 'admin',
  totpSecret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
} as const;

/** Documents cases in the journeys. */
export const E2E_ADVOCATE = {
  email: 'e2e.advocate@vigil.test',
  password: 'e2e advocate password, long enough',
  displayName: 'E2E Advocate',
  role: 'advocate',
  totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
} as const;

/** Runs petitions and writes letters in the journeys. */
export const E2E_ORGANIZER = {
  email: 'e2e.organizer@vigil.test',
  password: 'e2e organizer password, long enough',
  displayName: 'E2E Organizer',
  role: 'organizer',
  totpSecret: 'ORSXG5DFON2G64TBNZUXGZLSORSXG5DF',
} as const;

const E2E_STAFF = [E2E_ADMIN, E2E_SECOND_ADMIN, E2E_ADVOCATE, E2E_ORGANIZER] as const;

/**
 * Creates the accounts above through lib/ (server-only modules: only a process started with the
 * react-server condition, as prepare-database.ts is, may load them; specs never call this).
 */
export async function createE2eStaff(db: Database): Promise<void> {
  const { createUserFromTerminal } = await import('../../lib/users/create-user-from-terminal');
  for (const { email, role, password, displayName, totpSecret } of E2E_STAFF) {
    await createUserFromTerminal(db, { email, role, password, displayName, totpSecret }, 'e2e');
    console.log(`e2e ${role} ${email} ready`);
  }
}

// The server refuses a code from a time step at or before the last one it accepted for the account.
// Specs run one after another in one worker, but Playwright replaces the worker after a failed test:
// the steps used are kept in a file of this run, so one failure does not make every later sign-in a replay.
const stepsFile = path.join(os.tmpdir(), `vigil-e2e-${process.env.VIGIL_E2E_RUN ?? 'local'}`, 'totp-steps.json');

function readSteps(): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(stepsFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

function lastStepUsed(key: string): number {
  return readSteps()[key] ?? 0;
}

function recordStep(key: string, step: number): void {
  const steps = readSteps();
  steps[key] = Math.max(step, steps[key] ?? 0);
  fs.mkdirSync(path.dirname(stepsFile), { recursive: true });
  fs.writeFileSync(stepsFile, JSON.stringify(steps));
}

/** The authenticator code for the earliest step the server will still accept (now, or a little ahead). */
async function nextTotpCode(key: string, secret: string): Promise<string> {
  let step = Math.max(totpStep(), lastStepUsed(key) + 1);
  // The server accepts one step ahead of its clock; beyond that, wait for time to catch up.
  while (step > totpStep() + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    step = Math.max(totpStep(), lastStepUsed(key) + 1);
  }
  recordStep(key, step);
  return totpCode(secret, step);
}

export function accountKey(page: Page, email: string): string {
  return `${new URL(page.url()).origin} ${email}`;
}

/** Records a step the server accepted outside `signIn` (for example while enrolling). */
export function rememberTotpStep(key: string, step: number): void {
  recordStep(key, step);
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
