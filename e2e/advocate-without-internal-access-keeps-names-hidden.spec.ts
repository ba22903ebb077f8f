import { expect, test } from '@playwright/test';
import { E2E_ADMIN, E2E_ADVOCATE, signIn } from './support/staff-accounts';
import { watchForCspViolations } from './support/csp';

const CASE_TITLE = 'A miner held in Hoeryong';
const CASE_SLUG = 'miner-held-in-hoeryong';
const LEGAL_NAME = 'Choe Myong-ho';
const CASE_NOTES = 'His brother-in-law works in the mine office.';
const PERSON_NOTES = 'Reached through the church in Yanji.';
const RESTRICTED = 'Restricted: needs internal access';

// The e2e advocate has no internal access (support/staff-accounts.ts); the admin always has it.
test('an advocate without internal access records a legal name they cannot read back; their saves keep it; the admin reads it', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const advocate = await context.newPage();
  const violations = watchForCspViolations(advocate);
  await signIn(advocate, E2E_ADVOCATE);

  await advocate.goto('/admin/cases/new');
  await advocate.getByLabel('Title').fill(CASE_TITLE);
  await advocate.getByLabel('Web address').fill(CASE_SLUG);
  await advocate.getByLabel('Internal notes').fill(CASE_NOTES);
  await advocate.getByRole('button', { name: 'Create the case' }).click();
  await expect(advocate.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();

  await advocate.locator('summary', { hasText: 'Add a person' }).click();
  const newPerson = advocate.getByTestId('new-person-form');
  await newPerson.getByLabel('Public alias').fill('Miner M');
  await newPerson.getByLabel('Legal name').fill(LEGAL_NAME);
  await newPerson.getByLabel('Internal notes').fill(PERSON_NOTES);
  await newPerson.getByRole('button', { name: 'Add a person' }).click();
  const person = advocate.getByTestId('console-person').filter({ hasText: 'Miner M' });
  await expect(person).toBeVisible();

  // Once saved, the legal name and the notes read "restricted", and the page holds none of them.
  await advocate.reload();
  await person.locator('summary').click();
  await expect(person.getByTestId('withheld')).toHaveCount(2);
  await expect(person.getByTestId('withheld').first()).toContainText(RESTRICTED);
  const html = await advocate.content();
  for (const secret of [LEGAL_NAME, CASE_NOTES, PERSON_NOTES]) expect(html).not.toContain(secret);

  // A save from the form that could not show them keeps them.
  await person.getByLabel('Public alias').fill('Miner M.');
  await person.getByRole('button', { name: 'Save' }).click();
  await expect(person.getByRole('status')).toContainText('Saved.');

  await advocate.getByRole('link', { name: 'History' }).click();
  await expect(advocate.getByTestId('record-version')).toHaveCount(3);
  for (const details of await advocate.getByTestId('record-version').locator('summary').all()) await details.click();
  await expect(advocate.locator('main')).toContainText(RESTRICTED);
  const history = await advocate.content();
  for (const secret of [LEGAL_NAME, CASE_NOTES, PERSON_NOTES]) expect(history).not.toContain(secret);
  expect(violations).toEqual([]);
  await context.close();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_ADMIN);
  await admin.goto(`/admin/cases?q=${CASE_SLUG}`);
  await admin.getByRole('link', { name: CASE_TITLE }).click();
  const kept = admin.getByTestId('console-person').filter({ hasText: 'Miner M.' });
  await kept.locator('summary').click();
  await expect(kept.getByLabel('Legal name')).toHaveValue(LEGAL_NAME);
  await expect(kept.getByLabel('Internal notes')).toHaveValue(PERSON_NOTES);
  await admin.getByText('Edit the case', { exact: true }).click();
  await expect(admin.getByTestId('case-form').getByLabel('Internal notes')).toHaveValue(CASE_NOTES);
  await adminContext.close();
});
