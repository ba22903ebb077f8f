import { type Browser, expect, type Page, test } from '@playwright/test';
import { E2E_ADMIN, E2E_ADVOCATE, E2E_SECOND_ADMIN, signIn } from './support/staff-accounts';

// Urgent corrections let one person publish a correction at once, so one admin alone cannot allow them:
// the first admin's change is a proposal, and it applies when a second admin saves the same rules.
const DEMO_TITLE = 'A mother and her four-year-old son, caught in China and sent back';
const URGENT_FIELD = 'Publish at once (urgent): reason';

async function signedIn(browser: Browser, account: { email: string; password: string; totpSecret: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account);
  return page;
}

async function openCaseRules(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Case rules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case rules' })).toBeVisible();
}

/** The advocate's form to correct the demo case's first published event, opened. */
async function correctionForm(page: Page) {
  await page.goto('/admin/cases?q=mother-and-son');
  await page.getByRole('link', { name: DEMO_TITLE }).click();
  const event = page.getByTestId('console-event').filter({ has: page.getByText('Correct publicly') }).first();
  await event.getByText('Correct publicly').click();
  return event.getByTestId('event-form-correct');
}

test('one admin proposes urgent corrections, a second admin applies them, and the advocate’s correction form offers them', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await signedIn(browser, E2E_ADMIN);
  await openCaseRules(admin);
  const rules = admin.getByTestId('case-rules-form');
  await expect(rules.getByLabel('Allow urgent corrections')).not.toBeChecked();
  await expect(rules).toContainText('a second staff member reviews it after');
  await rules.getByLabel('Allow urgent corrections').check();
  await rules.getByRole('button', { name: 'Save the rules' }).click();
  await expect(rules.getByRole('status')).toContainText('Proposed: these rules let fewer people decide what goes public');
  await expect(admin.getByTestId('case-rules-proposal')).toContainText('You proposed: second approval on, urgent corrections allowed');

  // Not applied yet: the advocate's correction form has no urgent reason.
  const advocate = await signedIn(browser, E2E_ADVOCATE);
  await expect((await correctionForm(advocate)).getByLabel('Public reason')).toBeVisible();
  await expect(advocate.getByLabel(URGENT_FIELD)).toHaveCount(0);

  // The second admin reads who proposed what, and saves the same.
  const second = await signedIn(browser, E2E_SECOND_ADMIN);
  await openCaseRules(second);
  await expect(second.getByTestId('case-rules-proposal')).toContainText(
    `Proposed by ${E2E_ADMIN.email}: second approval on, urgent corrections allowed`,
  );
  await expect(second.getByTestId('case-rules-proposal')).toContainText('Another admin must save the same rules to apply them.');
  const secondRules = second.getByTestId('case-rules-form');
  await secondRules.getByLabel('Allow urgent corrections').check();
  await secondRules.getByRole('button', { name: 'Save the rules' }).click();
  await expect(secondRules.getByRole('status')).toContainText('The rules apply now.');
  await expect(second.getByTestId('case-rules-proposal')).toHaveCount(0);

  // Now a correction may go out at once, with its reason.
  await expect((await correctionForm(advocate)).getByLabel(URGENT_FIELD)).toBeVisible();

  // Turning them off again lets fewer people publish, not more: one admin does it at once.
  await second.reload();
  await second.getByTestId('case-rules-form').getByLabel('Allow urgent corrections').uncheck();
  await second.getByTestId('case-rules-form').getByRole('button', { name: 'Save the rules' }).click();
  await expect(second.getByTestId('case-rules-form').getByRole('status')).toContainText('The rules apply now.');
  await expect((await correctionForm(advocate)).getByLabel('Public reason')).toBeVisible();
  await expect(advocate.getByLabel(URGENT_FIELD)).toHaveCount(0);

  await Promise.all([admin.context().close(), advocate.context().close(), second.context().close()]);
});
