/**
 * The second look a petition's publication request needs: an admin opens the petition's console page,
 * sees the request waiting in one of its sections, follows that section's link to the case file and
 * approves the request there, having seen the change in the diff.
 */
import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { E2E_ADMIN, signIn } from './staff-accounts';

export const WAITING_FOR_TEXT_APPROVAL = 'Waiting for a second staff member’s approval before this text goes public.';

/** The petition's text section of its console page. */
export const petitionTextSection = (page: Page): Locator => page.getByTestId('petition-public-text');

export async function approveInCaseFileAsAdmin(
  browser: Browser,
  { consolePath, section, waiting, caseTitle, change }: { consolePath: string; section: (page: Page) => Locator; waiting: string; caseTitle: string; change: string },
): Promise<void> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, E2E_ADMIN);
  await admin.goto(consolePath);
  await expect(section(admin)).toContainText(waiting);
  await section(admin).getByRole('link', { name: 'Approve it in the case file (Publication)' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: caseTitle })).toBeVisible();
  const pending = admin.getByTestId('pending-publication');
  await expect(pending.getByTestId('pending-changes')).toContainText(change);
  await pending.getByRole('button', { name: 'Approve publication' }).click();
  await expect(admin.getByTestId('pending-publication')).toHaveCount(0);
  await context.close();
}
