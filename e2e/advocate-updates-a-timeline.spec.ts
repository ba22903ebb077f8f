import { expect, type Page, test } from '@playwright/test';
import { E2E_ADMIN, E2E_ADVOCATE, signIn } from './support/staff-accounts';
import { watchForCspViolations } from './support/csp';

// The timeline journey works on the demo's student case: the Lee family's case stays as the visitor
// journey (visitor-reads-a-case.spec.ts) expects it, seven public events and the wife in Sinuiju.
const CASE_SLUG = 'fictional-student-shenyang';
const CASE_TITLE = 'Fictional example: a student detained in Shenyang';
const DEMO_TITLE = 'A mother and her four-year-old son, caught in China and sent back';
const INTERNAL_TITLE = 'A cellmate hears she will be moved to Dandong';
const PUBLIC_TITLE = 'Moved to a detention centre in Dandong';
const CORRECTED_TITLE = 'Moved to a detention centre in Tumen';
const REASON = 'The city was wrong: a second source places her in Tumen.';

async function openCaseFile(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: CASE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();
}

async function addEvent(page: Page, event: { date: string; title: string; place: string; visibility: 'internal' | 'public' }) {
  const form = page.getByTestId('event-form-create');
  // The editor stays open after an event is added.
  if (!(await form.isVisible())) await page.getByText('Add an event', { exact: true }).click();
  await form.getByLabel('Date', { exact: true }).fill(event.date);
  await form.getByLabel('Known to the').selectOption('month');
  await form.getByLabel('Type').selectOption('transfer');
  await form.getByLabel('What happened').fill(event.title);
  await form.locator('#new-event-place').fill(event.place);
  await form.getByLabel('Visibility').selectOption(event.visibility);
  await form.getByLabel('Student A').check();
  return form;
}

/** The admin opens the case file and approves the waiting publication, which carries `title`. */
async function approveAsAdmin(admin: Page, caseFilePath: string, title: string): Promise<void> {
  await admin.goto(caseFilePath);
  const pending = admin.getByTestId('pending-publication');
  await expect(pending.getByTestId('pending-changes')).toContainText(title);
  await pending.getByRole('button', { name: 'Approve publication' }).click();
  await expect(admin.getByTestId('pending-publication')).toHaveCount(0);
  await expect(admin.getByTestId('publication-state')).toContainText('Public now');
}

// Second approval stays on (the default): the advocate asks, the admin approves as the second staff member.
test('an advocate adds an internal and a public event; the public sees only the approved public one, then its correction', async ({ browser }) => {
  test.setTimeout(240_000);
  const advocateContext = await browser.newContext();
  const advocate = await advocateContext.newPage();
  const violations = watchForCspViolations(advocate);
  await signIn(advocate, E2E_ADVOCATE);
  await openCaseFile(advocate);
  const caseFileUrl = advocate.url();

  // An internal event: the timeline editor keeps it for staff.
  let form = await addEvent(advocate, { date: '2026-10-15', title: INTERNAL_TITLE, place: 'Dandong', visibility: 'internal' });
  await form.getByRole('button', { name: 'Add the event' }).click();
  await expect(form.getByRole('status')).toContainText('Saved.');
  await expect(advocate.getByTestId('console-event').filter({ hasText: INTERNAL_TITLE })).toContainText('Internal');

  // A public event that also moves her custody record to Dandong, as of its date, in the same step (once approved).
  form = await addEvent(advocate, { date: '2026-10-15', title: PUBLIC_TITLE, place: 'Dandong', visibility: 'public' });
  await form.getByLabel('Why it is safe to publish').fill('Reported by the husband in a public interview.');
  await form.getByLabel(/Also update the custody status/).check();
  await form.getByLabel('Custody status', { exact: true }).selectOption('detained_in_china');
  await form.getByRole('button', { name: 'Add the event' }).click();
  await expect(form.getByRole('status')).toContainText('waits for a second staff member');
  const pending = advocate.getByTestId('pending-publication');
  await expect(pending).toContainText(PUBLIC_TITLE);
  await expect(pending).toContainText('Waiting for another staff member to review it.');
  await expect(advocate.getByTestId('console-event').filter({ hasText: PUBLIC_TITLE })).toContainText('Not yet published');
  // The custody the event reports waits with it: the public banner must not tell it before approval.
  expect(violations).toEqual([]);

  // Not public yet.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/cases/${CASE_SLUG}`);
  await expect(visitor.getByTestId('timeline-event').filter({ hasText: PUBLIC_TITLE })).toHaveCount(0);
  await expect(visitor.getByTestId('status-banner')).toContainText('Student A: Detained in China, Shenyang');

  // The admin approves as the second staff member.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_ADMIN);
  await approveAsAdmin(admin, new URL(caseFileUrl).pathname, PUBLIC_TITLE);

  // The visitor sees the public event, the new status, and never the internal one; the feed agrees.
  await expect(async () => {
    await visitor.goto(`/cases/${CASE_SLUG}`);
    await expect(visitor.getByTestId('timeline-event').filter({ hasText: PUBLIC_TITLE })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(visitor.getByText(INTERNAL_TITLE)).toHaveCount(0);
  await expect(visitor.getByTestId('status-banner')).toContainText('Student A: Detained in China, Dandong, as of October 2026');
  let feed = await (await visitor.request.get(`/cases/${CASE_SLUG}/feed.xml`)).text();
  expect(feed).toContain(PUBLIC_TITLE);
  expect(feed).not.toContain(INTERNAL_TITLE);
  const allFeed = await visitor.request.get('/feed.xml');
  expect(allFeed.headers()['content-type']).toContain('application/atom+xml');
  expect(await allFeed.text()).not.toContain(INTERNAL_TITLE);

  // The advocate corrects the public event in the open; like every change the public sees, it waits for a second look.
  await advocate.reload();
  const event = advocate.getByTestId('console-event').filter({ hasText: PUBLIC_TITLE });
  await event.getByText('Correct publicly').click();
  const correction = event.getByTestId('event-form-correct');
  await correction.getByLabel('What happened').fill(CORRECTED_TITLE);
  await correction.getByLabel('Public reason').fill(REASON);
  await correction.getByRole('button', { name: 'Ask to publish the correction' }).click();
  // The staff timeline shows the corrected event with its public reason (the old title lives on in the history).
  await expect(advocate.getByTestId('console-event').filter({ hasText: CORRECTED_TITLE })).toContainText(REASON);
  await expect(advocate.getByTestId('pending-publication')).toContainText(CORRECTED_TITLE);
  await approveAsAdmin(admin, new URL(caseFileUrl).pathname, CORRECTED_TITLE);

  const corrected = visitor.getByTestId('timeline-event').filter({ hasText: CORRECTED_TITLE });
  await expect(async () => {
    await visitor.goto(`/cases/${CASE_SLUG}`);
    await expect(corrected).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(corrected.getByTestId('correction-notice')).toContainText('Corrected on');
  await expect(corrected.getByTestId('correction-notice')).toContainText(REASON);
  await expect(visitor.getByTestId('corrections-log')).toContainText(CORRECTED_TITLE);
  await expect(visitor.getByText(PUBLIC_TITLE)).toHaveCount(0);
  feed = await (await visitor.request.get(`/cases/${CASE_SLUG}/feed.xml`)).text();
  expect(feed).toContain(CORRECTED_TITLE);
  expect(feed).toContain(REASON);
  expect(feed).not.toContain(INTERNAL_TITLE);

  // In Korean too: the notice and the corrections log.
  await visitor.goto(`/ko/cases/${CASE_SLUG}`);
  await expect(visitor.getByRole('heading', { name: '정정 기록' })).toBeVisible();
  await expect(visitor.getByTestId('timeline-event').filter({ hasText: CORRECTED_TITLE }).getByTestId('correction-notice')).toContainText('정정');
  await advocate.goto(new URL(caseFileUrl).pathname.replace(/^/, '/ko'));
  await expect(advocate.getByRole('heading', { name: '경과' })).toBeVisible();
  await expect(advocate.locator('main')).not.toContainText('advocacy.');

  await Promise.all([advocateContext.close(), adminContext.close(), visitorContext.close()]);
});

test('an advocate opens a case file: a bad address is refused at the field and nothing typed is lost; the history names who changed what; an admin downloads the dossier', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const advocate = await context.newPage();
  const violations = watchForCspViolations(advocate);
  await signIn(advocate, E2E_ADVOCATE);
  // The console home flags cases nobody updated for a while.
  await expect(advocate.getByTestId('review-reminders')).toContainText('Fictional example: a grandmother who reached safety');

  await advocate.goto('/admin/cases/new');
  await advocate.getByLabel('Title').fill('A fisherman missing after a storm');
  await advocate.getByLabel('Web address').fill('Fisherman Kim');
  await advocate.getByLabel('Internal notes').fill('Cousin in Dandong called on Tuesday.');
  await advocate.getByRole('button', { name: 'Create the case' }).click();
  await expect(advocate.getByText('Use lowercase letters, digits and single hyphens.')).toBeVisible();
  await expect(advocate.getByLabel('Title')).toHaveValue('A fisherman missing after a storm');
  await expect(advocate.getByLabel('Internal notes')).toHaveValue('Cousin in Dandong called on Tuesday.');

  // A case marked published in its file is still not public: the public sees it only once a publication is approved.
  await advocate.getByLabel('Web address').fill('fisherman-missing-2026');
  await advocate.getByLabel('Lifecycle').selectOption('published');
  await advocate.getByLabel('Publicity').selectOption('public_campaign');
  await advocate.getByRole('button', { name: 'Create the case' }).click();
  await expect(advocate.getByRole('heading', { level: 1, name: 'A fisherman missing after a storm' })).toBeVisible();
  await expect(advocate.getByTestId('publication-state')).toHaveText('Never published: the public does not see this case.');
  expect((await advocate.request.get('/cases/fisherman-missing-2026')).status()).toBe(404);

  await advocate.locator('summary', { hasText: 'Add a person' }).click();
  const person = advocate.getByTestId('new-person-form');
  await person.getByLabel('Public alias').fill('Fisherman F');
  await person.getByLabel('Custody status').selectOption('detained_in_china');
  await person.getByRole('button', { name: 'Add a person' }).click();
  await expect(advocate.getByTestId('console-person').filter({ hasText: 'Fisherman F' })).toContainText('Detained in China');

  await advocate.getByRole('link', { name: 'History' }).click();
  const versions = advocate.getByTestId('record-version');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText(`created by ${E2E_ADVOCATE.email}`);
  expect(violations).toEqual([]);
  await context.close();

  // Dossiers need internal access: the admin has it; a visitor gets 401.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_ADMIN);
  await admin.goto('/admin/cases?q=mother-and-son');
  await admin.getByRole('link', { name: DEMO_TITLE }).click();
  await expect(admin.getByRole('heading', { level: 1, name: DEMO_TITLE })).toBeVisible();
  const caseId = new URL(admin.url()).pathname.split('/').pop();
  const pdf = await admin.request.get(`/api/admin/cases/${caseId}/dossier?format=pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const json = await (await admin.request.get(`/api/admin/cases/${caseId}/dossier?format=json`)).json();
  expect(json.sources.map((source: { record: { name: string } }) => source.record.name)).toContain('Contact S-17 (Sinuiju border guard family)');
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/admin/cases/${caseId}/dossier?format=json`)).status()).toBe(401);
  await Promise.all([adminContext.close(), anonymous.close()]);
});
