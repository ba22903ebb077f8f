import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { approveInCaseFileAsAdmin, petitionTextSection, WAITING_FOR_TEXT_APPROVAL } from './support/approve-in-case-file';
import { E2E_ORGANIZER, signIn } from './support/staff-accounts';

// The petition journey works on the demo's grandmother case: the other journeys change the Lee
// family's case and the student's case, and expect their timelines as they left them.
const CASE_SLUG = 'fictional-grandmother-safe';
const CASE_TITLE = 'Fictional example: a grandmother who reached safety';
// Demo cases a petition must not be offered for as if public: one in quiet advocacy, one not published yet.
const QUIET_CASE_TITLE = 'Fictional example: a case handled by quiet advocacy';
const DRAFT_CASE_TITLE = 'Fictional example: a case still being documented';

// Each supporter comes from an address of their own, as two people would: one signs in the browser
// over IPv4 loopback, the other through the public API over IPv6 loopback; the proxy in front of the
// server (e2e/support/reverse-proxy.ts) listens on both and tells the server which one it was.
const ipv4 = (baseURL: string) => `http://127.0.0.1:${new URL(baseURL).port}`;
const ipv6 = (baseURL: string) => `http://[::1]:${new URL(baseURL).port}`;

interface Signer {
  name: string;
  email: string;
  country: string;
  countryName: string;
}

async function expectFigures(page: Page, figures: { confirmed: number; pending: number; invalidated: number }, timeout?: number) {
  await expect(page.getByRole('region', { name: 'Figures' }).getByTestId('petition-figures')).toHaveText(
    `Confirmed${figures.confirmed}Waiting for confirmation${figures.pending}Invalidated${figures.invalidated}`,
    { timeout },
  );
}

/** Confirms a signature as its signer would: the link in their mail, then the button. */
async function confirmFromMailbox(page: Page, signer: Signer): Promise<void> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(signer.email)}`);
  const mail = page.getByTestId('dev-mail').filter({ hasText: 'Please confirm your signature' });
  await expect(mail).toHaveCount(1);
  await mail.getByRole('link', { name: /\/confirm\// }).click();
  await page.getByRole('button', { name: 'Confirm my signature' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you: your signature counts' })).toBeVisible();
}

/** The line under the petition's title: its case, its status, a link to its public page. */
async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(page.locator('p').filter({ has: page.getByRole('link', { name: 'Public page' }) })).toHaveText(`${CASE_TITLE} · ${status} · Public page`);
}

async function publicCount(request: APIRequestContext, slug: string): Promise<number> {
  const response = await request.get(`/api/petitions/${slug}/count`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { confirmed: number }).confirmed;
}

async function downloadCsv(page: Page): Promise<string[][]> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download confirmed signatures (CSV)' }).click();
  const download = await downloading;
  const text = fs.readFileSync((await download.path())!, 'utf8');
  // No cell here holds a comma or a quote: splitting is enough.
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
}

/** Where the delivery event stands on its way to the public timeline, as the petition's console page says. */
function timelineState(page: Page) {
  return page.getByRole('region', { name: 'Delivery' }).getByTestId('delivery-timeline-state');
}

/** Where the petition's text stands on its way to the public, as the petition's console page says. */
function publicTextState(page: Page) {
  return page.getByTestId('petition-public-text-state');
}

test('an organizer runs a petition: live figures, CSV, invalidation and its reversal, closing and delivery', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const run = randomBytes(4).toString('hex');
  const slug = `grandmother-thanks-${run}`;
  const title = `Thank the volunteers who helped her reach safety (${run})`;
  const recipient = `Ministry of Unification, Seoul (${run})`;
  const deliveryTitle = `Petition delivered to ${recipient}`;
  // Named: asked to appear by first name and country, and for news of the case.
  const named: Signer = { name: `Minji Kwon-${run}`, email: `minji-${run}@example.org`, country: 'KR', countryName: 'South Korea' };
  // Anonymous, from a domain that turns out to be a flood.
  const floodDomain = `flood-${run}.example.net`;
  const anonymous: Signer = { name: `Jaeho Choi-${run}`, email: `jaeho@${floodDomain}`, country: 'US', countryName: 'United States' };
  // What no public page may ever show: e-mail addresses, surnames, the anonymous signer's name.
  const privateDetails = [named.email, anonymous.email, `Kwon-${run}`, 'Jaeho', `Choi-${run}`];
  const expectNothingPrivate = async (publicPage: Page) => {
    const html = await publicPage.content();
    for (const detail of privateDetails) expect(html, `a public page shows “${detail}”`).not.toContain(detail);
  };

  // 1. The organizer creates the petition (a draft, not public yet), opens its page in the console, and opens it for signing.
  await signIn(page, E2E_ORGANIZER);
  await page.goto('/admin/petitions');
  await expect(page.getByRole('heading', { level: 1, name: 'Petitions' })).toBeVisible();
  // Only public campaigns are offered: a petition on a quiet-advocacy case would never be public; one on
  // a case not published yet is offered, marked, and the form says it stays hidden until the case is published.
  const caseChoice = page.getByLabel('Case', { exact: true });
  const offered = await caseChoice.locator('option').allTextContents();
  expect(offered).toContain(CASE_TITLE);
  expect(offered).toContain(`${DRAFT_CASE_TITLE} (not yet public)`);
  expect(offered).not.toContain(DRAFT_CASE_TITLE);
  expect(offered.filter((label) => label.includes(QUIET_CASE_TITLE))).toEqual([]);
  await expect(caseChoice).toHaveAccessibleDescription(/a petition on it stays hidden, even when open, until the case is published/);
  await caseChoice.selectOption({ label: CASE_TITLE });
  await page.getByLabel('Address (/petitions/…)').fill(slug);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Addressed to').fill('The Ministry of Unification');
  await page.getByLabel('Goal (signatures)').fill('500');
  await page.getByLabel('Text', { exact: true }).fill('She reached safety thanks to volunteers. Thank them, and keep the route open.');
  await page.getByRole('button', { name: 'New petition' }).click();
  await expect(page.getByRole('status')).toHaveText('Petition created as a draft. Open it when it is ready.');
  await page.getByTestId('petition-list').getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectStatus(page, 'Draft');
  expect((await request.get(`/petitions/${slug}`)).status()).toBe(404);

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Open' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await expectStatus(page, 'Open');
  await expectFigures(page, { confirmed: 0, pending: 0, invalidated: 0 });
  // Open, but its text is not public until a second staff member reviews it: the organizer cannot approve it.
  await expect(publicTextState(page)).toHaveText('Waiting for a second staff member’s approval before this text goes public.');
  await expect(page.getByTestId('petition-public-text')).toContainText('An advocate or an admin approves it under Publication in the case file.');
  expect((await request.get(`/petitions/${slug}`)).status()).toBe(404);
  await approveInCaseFileAsAdmin(browser, { consolePath: new URL(page.url()).pathname, section: petitionTextSection, waiting: WAITING_FOR_TEXT_APPROVAL, caseTitle: CASE_TITLE, change: title });
  await page.reload();
  await expect(publicTextState(page)).toHaveText('The public reads this text.');

  // 2. Two supporters sign: one on the public page, choosing to appear by first name and country…
  const supporterContext = await browser.newContext({ baseURL: ipv4(baseURL!) });
  const supporter = await supporterContext.newPage();
  await supporter.goto(`/petitions/${slug}`);
  await expect(supporter.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await supporter.getByLabel('Your name').fill(named.name);
  await supporter.getByLabel('Your e-mail address').fill(named.email);
  await supporter.getByLabel('Country', { exact: true }).selectOption(named.country);
  await supporter.getByLabel('First name and country').check();
  await supporter.getByLabel('E-mail me when there is news about this case').check();
  await supporter.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(supporter.getByText('Almost done: check your e-mail', { exact: false })).toBeVisible();
  await expectNothingPrivate(supporter);

  // …the other anonymously, through the public API.
  const signed = await request.post(`${ipv6(baseURL!)}/api/petitions/${slug}/signatures`, {
    data: { name: anonymous.name, email: anonymous.email, country: anonymous.country, display: 'anonymous', locale: 'en' },
  });
  expect(signed.status(), await signed.text()).toBe(202);

  // Nothing counts before it is confirmed; the console shows both as pending.
  await page.reload();
  await expectFigures(page, { confirmed: 0, pending: 2, invalidated: 0 });
  await expect(page.getByText('No confirmed signatures yet.')).toBeVisible();
  expect(await publicCount(request, slug)).toBe(0);

  // The named supporter confirms: the open console follows by itself (it refreshes every 10 seconds).
  await confirmFromMailbox(supporter, named);
  await expectNothingPrivate(supporter);
  await expectFigures(page, { confirmed: 1, pending: 1, invalidated: 0 }, 15_000);

  // The export holds confirmed signatures only: the pending one is not there yet.
  let csv = await downloadCsv(page);
  expect(csv[0]).toEqual(['confirmed_on', 'name', 'country']);
  expect(csv.slice(1)).toEqual([[expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 'Minji', 'KR']]);

  await confirmFromMailbox(supporter, anonymous);
  await expectNothingPrivate(supporter);
  await page.reload();
  await expectFigures(page, { confirmed: 2, pending: 0, invalidated: 0 });
  expect(await publicCount(request, slug)).toBe(2);

  // The charts, by what they say to a screen reader and in their bars' titles.
  const today = new Date().toISOString().slice(0, 10);
  const perDay = page.getByRole('figure', { name: 'Confirmed signatures per day (last 30 days)' }).getByRole('img', { name: 'Bar chart: confirmed signatures per day' });
  await expect(perDay).toContainText(`${today}: 2`);
  const byCountry = page.getByRole('figure', { name: 'Confirmed signatures by country' }).getByRole('img', { name: 'Bar chart: confirmed signatures by country' });
  await expect(byCountry).toContainText(`${named.countryName}1`);
  await expect(byCountry).toContainText(`${anonymous.countryName}1`);

  // 3. The CSV honours each signer's choice and has no more rows than confirmed signatures.
  csv = await downloadCsv(page);
  const rows = csv.slice(1);
  expect(rows.length).toBeLessThanOrEqual(2);
  expect(rows.map(([, name, country]) => `${name} ${country}`).sort()).toEqual(['Anonymous US', 'Minji KR']);
  const csvText = csv.flat().join(' ');
  for (const detail of privateDetails) expect(csvText).not.toContain(detail);
  expect(csvText).not.toContain('@');

  // 4. The flood domain is set aside with a reason: the count drops, everywhere…
  await page.getByLabel('E-mail domain').fill(floodDomain);
  await page.getByLabel('Reason').fill('Flood of signatures from one throwaway domain');
  await page.getByRole('button', { name: 'Invalidate', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Signatures set aside.');
  await expectFigures(page, { confirmed: 1, pending: 0, invalidated: 1 });
  const invalidation = page.getByRole('listitem').filter({ hasText: 'Flood of signatures from one throwaway domain' });
  await expect(invalidation).toContainText('Flood of signatures from one throwaway domain · 1 signature set aside ·');
  await expect(invalidation).toContainText(`domain=${floodDomain}`);
  expect(await publicCount(request, slug)).toBe(1);
  expect((await downloadCsv(page)).slice(1)).toEqual([[expect.any(String), 'Minji', 'KR']]);

  // …and reversed: it comes back.
  await invalidation.getByRole('button', { name: 'Reverse' }).click();
  await expect(invalidation.getByText('reversed', { exact: true })).toBeVisible();
  await expect(invalidation.getByRole('button', { name: 'Reverse' })).toHaveCount(0);
  await expectFigures(page, { confirmed: 2, pending: 0, invalidated: 0 });
  expect(await publicCount(request, slug)).toBe(2);

  // The public page shows the named signer as she chose, and nothing private of either.
  await supporter.goto(`/petitions/${slug}`);
  await expect(supporter.getByTestId('recent-signers')).toHaveText(`Minji, ${named.countryName}`);
  await expect(supporter.getByTestId('petition-count')).toContainText('2 signatures');
  await expectNothingPrivate(supporter);

  // 5. Closing: the public page says so, and the API refuses a new signature.
  await page.getByRole('button', { name: 'Close the petition' }).click();
  await expectStatus(page, 'Closed');
  await expect(page.getByRole('button', { name: 'Close the petition' })).toHaveCount(0);
  await supporter.reload();
  await expect(supporter.getByText('This petition is closed. Thank you to everyone who signed.')).toBeVisible();
  await expect(supporter.getByRole('button', { name: 'Sign', exact: true })).toHaveCount(0);
  await expectNothingPrivate(supporter);
  const late = await request.post(`/api/petitions/${slug}/signatures`, {
    data: { name: 'Late Signer', email: `late-${run}@example.org`, country: 'DE', display: 'anonymous' },
  });
  expect(late.status()).toBe(409);
  expect(await late.json()).toMatchObject({ error: 'petition_closed' });
  expect(await publicCount(request, slug)).toBe(2);

  // 6. Delivered: the petition page sums the delivery up at once, and says that the case timeline gains the
  // event only once a second staff member approves it (second approval is on by default; the family's
  // consent is recorded). The organizer cannot open case files: the page says who approves, and where.
  const note = 'Handed over at the ministry’s front desk with a letter from the volunteers.';
  await page.getByLabel('Delivered on').fill(today);
  await page.getByLabel('Delivered to').fill(recipient);
  await page.getByLabel('Note (public)').fill(note);
  await page.getByRole('button', { name: 'Mark as delivered' }).click();
  await expectStatus(page, 'Delivered');
  await expect(page.getByRole('button', { name: 'Mark as delivered' })).toHaveCount(0);
  const longToday = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));
  await expect(page.getByRole('region', { name: 'Delivery' }).locator('dl')).toHaveText(
    `Delivered on${longToday}Delivered to${recipient}Note${note}Case timeline` +
      'Waiting for a second staff member’s approval before it goes on the public timeline.' +
      'An advocate or an admin approves it under Publication in the case file.',
  );
  await expect(timelineState(page).getByRole('link')).toHaveCount(0);

  await supporter.reload();
  await expect(supporter.getByText(`Delivered to ${recipient} on`, { exact: false })).toBeVisible();
  await supporter.goto(`/cases/${CASE_SLUG}`);
  await expect(supporter.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();
  await expect(supporter.getByText(deliveryTitle)).toHaveCount(0);

  await approveInCaseFileAsAdmin(browser, {
    consolePath: new URL(page.url()).pathname,
    section: timelineState,
    waiting: 'Waiting for a second staff member’s approval before it goes on the public timeline.',
    caseTitle: CASE_TITLE,
    change: deliveryTitle,
  });
  await page.reload();
  await expect(timelineState(page)).toHaveText('On the public timeline.');

  const event = supporter.getByTestId('timeline-event').filter({ hasText: deliveryTitle });
  // Publishing refreshes the cached page within seconds: read it again until it is there.
  await expect(async () => {
    await supporter.reload();
    await expect(event).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(event).toContainText(`“${title}”, signed by 2 people, was delivered to ${recipient}.`);
  await expect(event).toContainText('Handed over at the ministry’s front desk with a letter from the volunteers.');
  await expectNothingPrivate(supporter);

  // The named supporter asked for news of the case and hears of the delivery (the background job mails
  // the news within seconds: the mailbox is read again until it is there); the other did not ask.
  await expect(async () => {
    await supporter.goto(`/dev/mailbox?to=${encodeURIComponent(named.email)}`);
    await expect(supporter.getByTestId('dev-mail').filter({ hasText: `News about the case: ${CASE_TITLE}` })).toContainText(deliveryTitle, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await supporter.goto(`/dev/mailbox?to=${encodeURIComponent(anonymous.email)}`);
  await expect(supporter.getByTestId('dev-mail')).toHaveCount(1);
  await supporterContext.close();
});
