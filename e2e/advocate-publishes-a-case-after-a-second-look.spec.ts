import { randomBytes } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { watchForCspViolations } from './support/csp';
import { E2E_ADMIN, E2E_ADVOCATE, signIn } from './support/staff-accounts';

// An advocate documents a new case and asks once to publish all of it; a second staff member finds the
// request in the queue, previews the public page and approves exactly what was reviewed. Second approval
// stays on (the default): the advocate can never publish alone, not even by posting the approval directly.
const run = randomBytes(4).toString('hex');
const SLUG = `five-events-${run}`;
const TITLE = `A family of three caught near Tumen (${run})`;
const ALIAS = `Mother M-${run}`;
const EVENTS = [
  { date: '2026-06-02', title: `Crossed the Tumen river at night (${run})`, type: 'escape' },
  { date: '2026-06-20', title: `Stopped at a checkpoint outside Yanji (${run})`, type: 'arrest' },
  { date: '2026-07-04', title: `Held at the Tumen border detention centre (${run})`, type: 'transfer' },
  { date: '2026-07-30', title: `Her brother in Seoul appeals to the UN (${run})`, type: 'advocacy' },
  { date: '2026-08-12', title: `Consular access refused (${run})`, type: 'report' },
] as const;
const CORRECTED_SECOND = `Stopped at a checkpoint outside Longjing (${run})`;
const CORRECTED_THIRD = `Held at the Tumen border detention centre, with her son (${run})`;
const INTERNAL_CUSTODY_PLACE = `Onsong-${run}`;

let caseFilePath = '';

async function signedIn(browser: Browser, account: typeof E2E_ADVOCATE | typeof E2E_ADMIN): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account);
  return page;
}

async function addEvent(page: Page, event: { date: string; title: string; type: string; visibility: 'public' | 'internal' }) {
  const form = page.getByTestId('event-form-create');
  if (!(await form.isVisible())) await page.getByText('Add an event', { exact: true }).click();
  await form.getByLabel('Date', { exact: true }).fill(event.date);
  await form.getByLabel('Type').selectOption(event.type);
  await form.getByLabel('What happened').fill(event.title);
  await form.locator('#new-event-place').fill('Tumen');
  await form.getByLabel('Visibility').selectOption(event.visibility);
  await form.getByLabel(ALIAS).check();
  return form;
}

/** The public case page, read again until it shows what the test waits for (publishing refreshes it within seconds). */
async function publicPageShows(page: Page, check: (page: Page) => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.goto(`/cases/${SLUG}`);
    await check(page);
  }).toPass({ timeout: 20_000 });
}

function publication(page: Page) {
  return page.getByTestId('publication-panel');
}

test.describe.serial('a first publication is one request and one approval', () => {
  test('an advocate asks once to publish a case with five events; a second staff member previews and approves it; the requester cannot approve', async ({ browser }) => {
    test.setTimeout(300_000);
    const advocate = await signedIn(browser, E2E_ADVOCATE);
    const violations = watchForCspViolations(advocate);

    // A public campaign with the family's consent, still a draft while it is written.
    await advocate.goto('/admin/cases/new');
    await advocate.getByLabel('Title').fill(TITLE);
    await advocate.getByLabel('Web address').fill(SLUG);
    await advocate.getByLabel('Public summary').fill('A mother, her son and her sister were caught in June; the family asks for their release.');
    await advocate.getByLabel('Publicity').selectOption('public_campaign');
    await advocate.getByLabel('Family consent', { exact: true }).selectOption('granted');
    await advocate.getByLabel('Consent recorded on').fill('2026-06-25');
    await advocate.getByRole('button', { name: 'Create the case' }).click();
    await expect(advocate.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    caseFilePath = new URL(advocate.url()).pathname;

    await advocate.locator('summary', { hasText: 'Add a person' }).click();
    const person = advocate.getByTestId('new-person-form');
    await person.getByLabel('Public alias').fill(ALIAS);
    await person.getByLabel('Custody status').selectOption('holding_centre');
    await person.getByLabel('Place').fill('Tumen');
    await person.getByRole('button', { name: 'Add a person' }).click();
    await expect(advocate.getByTestId('console-person').filter({ hasText: ALIAS })).toBeVisible();

    // Five events meant to be public: each waits in the case file, marked as not published yet.
    for (const event of EVENTS) {
      const form = await addEvent(advocate, { ...event, visibility: 'public' });
      await form.getByRole('button', { name: 'Add the event' }).click();
      await expect(advocate.getByTestId('console-event').filter({ hasText: event.title })).toContainText('Not yet published');
    }
    await expect(advocate.getByTestId('console-event').filter({ hasText: 'Not yet published' })).toHaveCount(5);

    // The case is ready: published in the case file, which the public does not see until a second look.
    await advocate.locator('summary', { hasText: 'Edit the case' }).click();
    const caseForm = advocate.getByTestId('case-form');
    await caseForm.getByLabel('Lifecycle').selectOption('published');
    await caseForm.getByRole('button', { name: 'Save' }).click();
    await expect(caseForm.getByRole('status')).toContainText('Saved.');
    await expect(publication(advocate).getByTestId('publication-state')).toHaveText('Never published: the public does not see this case.');
    await expect(publication(advocate).getByTestId('unpublished-change-list')).toContainText('The case becomes public');
    expect((await advocate.request.get(`/cases/${SLUG}`)).status()).toBe(404);

    // One request for all of it.
    await publication(advocate).getByLabel('Why it is safe to publish').fill('The brother speaks for the family in public; every event is from his press conference.');
    await publication(advocate).getByRole('button', { name: 'Request publication' }).click();
    const pending = publication(advocate).getByTestId('pending-publication');
    await expect(pending).toContainText(`Asked by ${E2E_ADVOCATE.email}`);
    await expect(pending).toContainText('Waiting for another staff member to review it.');
    for (const event of EVENTS) await expect(pending.getByTestId('pending-changes')).toContainText(event.title);
    // The requester sees the state, not a second form, and cannot approve.
    await expect(publication(advocate).getByTestId('request-publication-form')).toHaveCount(0);
    await expect(advocate.getByRole('button', { name: 'Approve publication' })).toHaveCount(0);
    await expect(pending.getByRole('button', { name: 'Withdraw the request' })).toBeVisible();

    // The queue marks the advocate's own request.
    await advocate.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Publications' }).click();
    await expect(advocate.getByTestId('publication-queue-item').filter({ hasText: TITLE })).toContainText('yours');
    expect(violations).toEqual([]);

    // A second staff member opens the queue: the request, its requester and its age.
    const admin = await signedIn(browser, E2E_ADMIN);
    await admin.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Publications' }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Publications waiting' })).toBeVisible();
    const queued = admin.getByTestId('publication-queue-item').filter({ hasText: TITLE });
    await expect(queued).toHaveCount(1);
    await expect(queued).toContainText(E2E_ADVOCATE.email);
    await expect(queued).toContainText(/(second|minute|hour)s? ago|now/);
    await expect(queued).not.toContainText('yours');
    await queued.getByRole('link', { name: TITLE }).click();
    await expect(admin.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

    // The preview is the public page as the request would make it: five events, never indexed, clearly not public.
    await publication(admin).getByRole('link', { name: 'Preview the public page' }).click();
    await expect(admin.getByTestId('preview-banner')).toContainText('Preview — not public');
    const preview = admin.getByTestId('publication-preview');
    await expect(preview.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(preview.getByTestId('timeline-event')).toHaveCount(5);
    for (const event of EVENTS) await expect(preview.getByTestId('timeline-event').filter({ hasText: event.title })).toHaveCount(1);
    await expect(preview.getByTestId('status-banner')).toContainText(`${ALIAS}: Held in a holding centre`);
    await expect(admin.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await admin.getByRole('link', { name: 'Back to the case file' }).click();

    // A forged approval: the admin's own approve request, stopped before it leaves the browser, then sent
    // with the advocate's session. The server refuses it: the requester cannot be the second staff member.
    let approval: { url: string; action: string; contentType: string; body: Buffer } | undefined;
    await admin.route(/\/admin\/cases\//, async (route) => {
      const request = route.request();
      const headers = await request.allHeaders();
      const action = headers['next-action'];
      if (request.method() !== 'POST' || !action) return route.continue();
      approval = { url: request.url(), action, contentType: headers['content-type'] ?? '', body: request.postDataBuffer() ?? Buffer.alloc(0) };
      return route.abort();
    });
    await publication(admin).getByRole('button', { name: 'Approve publication' }).click();
    await expect.poll(() => approval !== undefined).toBe(true);
    await admin.unrouteAll({ behavior: 'ignoreErrors' });
    const forged = await advocate.request.post(approval!.url, {
      headers: { 'Next-Action': approval!.action, 'Content-Type': approval!.contentType, Origin: new URL(approval!.url).origin, Accept: 'text/x-component' },
      data: approval!.body,
    });
    expect(await forged.text()).toContain('secondApproverRequired');
    await advocate.goto(caseFilePath);
    await expect(publication(advocate).getByTestId('pending-publication')).toBeVisible();
    expect((await advocate.request.get(`/cases/${SLUG}`)).status()).toBe(404);

    // The admin approves what they reviewed.
    await admin.goto(caseFilePath);
    await publication(admin).getByRole('button', { name: 'Approve publication' }).click();
    await expect(publication(admin).getByTestId('pending-publication')).toHaveCount(0);
    await expect(publication(admin).getByTestId('publication-state')).toContainText('Public now: version 1');
    await expect(publication(admin).getByTestId('publication-state')).toContainText(`Approved by ${E2E_ADMIN.email}`);
    await expect(publication(admin).getByTestId('unpublished-changes')).toContainText('The case file matches what the public sees.');
    await expect(admin.getByTestId('console-event').filter({ hasText: 'Not yet published' })).toHaveCount(0);

    // The public sees all five events, from the one approval.
    const visitor = await (await browser.newContext()).newPage();
    await publicPageShows(visitor, async (page) => {
      await expect(page.getByTestId('timeline-event')).toHaveCount(5, { timeout: 1_000 });
    });
    for (const event of EVENTS) await expect(visitor.getByTestId('timeline-event').filter({ hasText: event.title })).toHaveCount(1);
    await expect(visitor.getByTestId('status-banner')).toContainText(`${ALIAS}: Held in a holding centre`);

    await Promise.all([advocate.context().close(), admin.context().close(), visitor.context().close()]);
  });

  test('the requester edits after asking: the reviewer’s approval is refused and the public page stays as it was until the change is reviewed', async ({ browser }) => {
    test.setTimeout(300_000);
    test.skip(!caseFilePath, 'needs the case published by the first journey');
    const advocate = await signedIn(browser, E2E_ADVOCATE);
    await advocate.goto(caseFilePath);

    // A correction of a public event asks for its publication.
    const correct = async (title: string, corrected: string, reason: string) => {
      const event = advocate.getByTestId('console-event').filter({ hasText: title });
      await event.getByText('Correct publicly').click();
      const form = event.getByTestId('event-form-correct');
      await form.getByLabel('What happened').fill(corrected);
      await form.getByLabel('Public reason').fill(reason);
      await form.getByRole('button', { name: 'Ask to publish the correction' }).click();
      await expect(advocate.getByTestId('console-event').filter({ hasText: corrected })).toBeVisible();
    };
    await correct(EVENTS[1].title, CORRECTED_SECOND, 'The checkpoint was outside Longjing, her brother says.');
    await expect(publication(advocate).getByTestId('pending-publication')).toContainText(CORRECTED_SECOND);

    // The admin opens the request as it is now…
    const admin = await signedIn(browser, E2E_ADMIN);
    await admin.goto(caseFilePath);
    await expect(publication(admin).getByTestId('pending-changes')).toContainText(CORRECTED_SECOND);
    await expect(publication(admin).getByTestId('pending-changes')).not.toContainText(CORRECTED_THIRD);

    // …and the requester changes another event before the admin decides: the request is no longer what the admin saw.
    await correct(EVENTS[2].title, CORRECTED_THIRD, 'Her son was held with her.');
    await publication(admin).getByRole('button', { name: 'Approve publication' }).click();
    await expect(publication(admin).getByTestId('approve-form').getByRole('alert')).toHaveText(
      'This request changed since you opened it: reload the case and review it again.',
    );

    // Nothing of either correction is public.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`/cases/${SLUG}`);
    await expect(visitor.getByTestId('timeline-event').filter({ hasText: EVENTS[1].title })).toHaveCount(1);
    await expect(visitor.getByText(CORRECTED_SECOND)).toHaveCount(0);
    await expect(visitor.getByText(CORRECTED_THIRD)).toHaveCount(0);

    // The case file changes again without asking: the request is stale, and says so to both of them.
    await advocate.locator('summary', { hasText: 'Edit the case' }).click();
    const caseForm = advocate.getByTestId('case-form');
    await caseForm.getByLabel('Public summary').fill('A mother and her son were caught in June near Longjing; the family asks for their release.');
    await caseForm.getByRole('button', { name: 'Save' }).click();
    await expect(caseForm.getByRole('status')).toContainText('Saved.');
    await expect(publication(advocate).getByTestId('pending-publication')).toContainText('changed since it was asked: ask again');
    await admin.reload();
    await expect(publication(admin).getByTestId('pending-publication')).toContainText('changed since it was asked: ask again');
    await publication(admin).getByRole('button', { name: 'Approve publication' }).click();
    await expect(publication(admin).getByTestId('approve-form').getByRole('alert')).toHaveText(
      'The case file changed since this was asked: someone must ask again before it can be approved.',
    );
    await visitor.goto(`/cases/${SLUG}`);
    await expect(visitor.getByText(CORRECTED_SECOND)).toHaveCount(0);
    await expect(visitor.getByText('near Longjing')).toHaveCount(0);

    // The requester asks again (the form is back); the admin reviews and approves; the public sees it all.
    await advocate.reload();
    await publication(advocate).getByLabel('Why it is safe to publish').fill('Both corrections come from her brother; the summary follows them.');
    await publication(advocate).getByRole('button', { name: 'Request publication' }).click();
    await expect(publication(advocate).getByTestId('pending-publication')).not.toContainText('changed since it was asked');
    await admin.reload();
    await expect(publication(admin).getByTestId('pending-changes')).toContainText(CORRECTED_THIRD);
    await publication(admin).getByRole('button', { name: 'Approve publication' }).click();
    await expect(publication(admin).getByTestId('pending-publication')).toHaveCount(0);
    await expect(publication(admin).getByTestId('publication-state')).toContainText('Public now: version 2');
    await publicPageShows(visitor, async (page) => {
      await expect(page.getByTestId('timeline-event').filter({ hasText: CORRECTED_THIRD })).toHaveCount(1, { timeout: 1_000 });
    });
    await expect(visitor.getByTestId('timeline-event').filter({ hasText: CORRECTED_SECOND }).getByTestId('correction-notice')).toContainText('Corrected on');
    await expect(visitor.getByText('near Longjing')).toBeVisible();

    await Promise.all([advocate.context().close(), admin.context().close(), visitor.context().close()]);
  });

  test('an internal event that updates custody leaves the public custody as it was', async ({ browser }) => {
    test.setTimeout(180_000);
    test.skip(!caseFilePath, 'needs the case published by the first journey');
    const advocate = await signedIn(browser, E2E_ADVOCATE);
    await advocate.goto(caseFilePath);

    // From a fragile source: filed as internal, with "update custody".
    const title = `A cellmate says she was moved to Onsong (${run})`;
    const form = await addEvent(advocate, { date: '2026-09-01', title, type: 'transfer', visibility: 'internal' });
    await form.getByLabel(/Also update the custody status/).check();
    await form.getByLabel('Custody status', { exact: true }).selectOption('handed_over_to_north_korea');
    await form.locator('#new-event-custody-place').fill(INTERNAL_CUSTODY_PLACE);
    await form.getByRole('button', { name: 'Add the event' }).click();
    await expect(form.getByRole('status')).toContainText('Saved.');
    await expect(advocate.getByTestId('console-event').filter({ hasText: title })).toContainText('Internal');

    // Nothing to publish: the public view of the case file did not change, and nothing was asked.
    await expect(publication(advocate).getByTestId('unpublished-changes')).toContainText('The case file matches what the public sees.');
    await expect(publication(advocate).getByTestId('pending-publication')).toHaveCount(0);

    // The public page and JSON still tell the custody the public events report.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`/cases/${SLUG}`);
    await expect(visitor.getByTestId('status-banner')).toContainText(`${ALIAS}: Held in a holding centre`);
    await expect(visitor.getByTestId('status-banner')).not.toContainText('Handed over to North Korea');
    expect(await visitor.content()).not.toContain(INTERNAL_CUSTODY_PLACE);
    const json = await (await visitor.request.get(`/api/cases/${SLUG}`)).text();
    expect(json).toContain(ALIAS);
    expect(json).not.toContain(INTERNAL_CUSTODY_PLACE);
    expect(json).not.toContain('handed_over_to_north_korea');

    await Promise.all([advocate.context().close(), visitor.context().close()]);
  });
});
