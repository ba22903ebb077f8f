import { expect, type Page, test } from '@playwright/test';
import { E2E_ADVOCATE } from './support/advocate-account';
import { watchForCspViolations } from './support/csp';
import { signIn } from './support/sign-in';
import { E2E_ADMIN } from './support/staff-accounts';

const DEMO_SLUG = 'mother-and-son-returned-2017';
const DEMO_TITLE = 'A mother and her four-year-old son, caught in China and sent back';
const INTERNAL_TITLE = 'Broker hears she may be moved to a holding centre';
const PUBLIC_TITLE = 'Moved from interrogation to the Sinuiju holding centre';
const CORRECTED_TITLE = 'Moved from interrogation to the Hyesan holding centre';
const REASON = 'The city was wrong: a second source places her in Hyesan.';

async function openDemoCaseFile(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: DEMO_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_TITLE })).toBeVisible();
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
  await form.getByLabel('Mrs. Lee').check();
  return form;
}

// Second approval stays on (the default): the advocate asks, the admin approves as the second staff member.
test('an advocate adds an internal and a public event; the public sees only the approved public one, then its correction', async ({ browser }) => {
  test.setTimeout(240_000);
  const advocateContext = await browser.newContext();
  const advocate = await advocateContext.newPage();
  const violations = watchForCspViolations(advocate);
  await signIn(advocate, E2E_ADVOCATE);
  await openDemoCaseFile(advocate);
  const caseFileUrl = advocate.url();

  // An internal event: the timeline editor keeps it for staff.
  let form = await addEvent(advocate, { date: '2017-12-01', title: INTERNAL_TITLE, place: 'Sinuiju', visibility: 'internal' });
  await form.getByRole('button', { name: 'Add the event' }).click();
  await expect(form.getByRole('status')).toContainText('Saved.');
  await expect(advocate.getByTestId('console-event').filter({ hasText: INTERNAL_TITLE })).toContainText('Internal');

  // A public event that also moves Mrs. Lee to a holding centre, as of its date, in the same step.
  form = await addEvent(advocate, { date: '2017-12-01', title: PUBLIC_TITLE, place: 'Sinuiju', visibility: 'public' });
  await form.getByLabel('Why it is safe to publish').fill('Reported by the husband in a public interview.');
  await form.getByLabel(/Also update the custody status/).check();
  await form.getByLabel('Custody status', { exact: true }).selectOption('holding_centre');
  await form.getByRole('button', { name: 'Add the event' }).click();
  await expect(form.getByRole('status')).toContainText('waits for a second staff member');
  const pending = advocate.getByTestId('pending-publications');
  await expect(pending).toContainText(PUBLIC_TITLE);
  await expect(pending).toContainText('Another staff member must approve.');
  await expect(advocate.getByTestId('console-person').filter({ hasText: 'Mrs. Lee' })).toContainText('Held in a holding centre');
  expect(violations).toEqual([]);

  // Not public yet.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/cases/${DEMO_SLUG}`);
  await expect(visitor.getByTestId('timeline-event').filter({ hasText: PUBLIC_TITLE })).toHaveCount(0);

  // The admin approves as the second staff member.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_ADMIN);
  await admin.goto(new URL(caseFileUrl).pathname);
  await admin.getByTestId('pending-publications').getByRole('button', { name: 'Approve publication' }).click();
  await expect(admin.getByTestId('pending-publications')).toHaveCount(0);

  // The visitor sees the public event, the new status, and never the internal one; the feed agrees.
  await visitor.reload();
  await expect(visitor.getByTestId('timeline-event').filter({ hasText: PUBLIC_TITLE })).toBeVisible();
  await expect(visitor.getByText(INTERNAL_TITLE)).toHaveCount(0);
  await expect(visitor.getByTestId('status-banner')).toContainText('Mrs. Lee: Held in a holding centre (MPS/jipkyulso), Sinuiju, as of December 2017');
  let feed = await (await visitor.request.get(`/cases/${DEMO_SLUG}/feed.xml`)).text();
  expect(feed).toContain(PUBLIC_TITLE);
  expect(feed).not.toContain(INTERNAL_TITLE);
  const allFeed = await visitor.request.get('/feed.xml');
  expect(allFeed.headers()['content-type']).toContain('application/atom+xml');
  expect(await allFeed.text()).not.toContain(INTERNAL_TITLE);

  // The advocate corrects the public event in the open.
  await advocate.reload();
  const event = advocate.getByTestId('console-event').filter({ hasText: PUBLIC_TITLE });
  await event.getByText('Correct publicly').click();
  const correction = event.getByTestId('event-form-correct');
  await correction.getByLabel('What happened').fill(CORRECTED_TITLE);
  await correction.getByLabel('Public reason').fill(REASON);
  await correction.getByRole('button', { name: 'Publish the correction' }).click();
  // The staff timeline shows the corrected event with its public reason (the old title lives on in the history).
  await expect(advocate.getByTestId('console-event').filter({ hasText: CORRECTED_TITLE })).toContainText(REASON);

  await visitor.reload();
  const corrected = visitor.getByTestId('timeline-event').filter({ hasText: CORRECTED_TITLE });
  await expect(corrected.getByTestId('correction-notice')).toContainText('Corrected on');
  await expect(corrected.getByTestId('correction-notice')).toContainText(REASON);
  await expect(visitor.getByTestId('corrections-log')).toContainText(CORRECTED_TITLE);
  await expect(visitor.getByText(PUBLIC_TITLE)).toHaveCount(0);
  feed = await (await visitor.request.get(`/cases/${DEMO_SLUG}/feed.xml`)).text();
  expect(feed).toContain(CORRECTED_TITLE);
  expect(feed).toContain(REASON);
  expect(feed).not.toContain(INTERNAL_TITLE);

  await Promise.all([advocateContext.close(), adminContext.close(), visitorContext.close()]);
});
