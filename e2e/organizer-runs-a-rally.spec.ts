/**
 * An organizer runs a rally: they turn on event mode for their petition (what, until when, how many
 * people), show the QR code of the signing page, and a crowd behind one address (one mobile network)
 * signs past the usual ceiling: every signature counts once confirmed. After the event the same address
 * is held again; the activity panel shows it by the start of its hash only, and the organizer releases
 * its held signatures and blocks it, one click each. Through nginx, like the other journeys; the e2e
 * servers hold signatures past 300 from one address in ten minutes (playwright.config.ts).
 */
import { randomBytes } from 'node:crypto';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { approveInCaseFileAsAdmin, petitionTextSection, WAITING_FOR_TEXT_APPROVAL } from './support/approve-in-case-file';
import { agentFrom, signFrom } from './support/sign-from';
import { E2E_ORGANIZER, signIn } from './support/staff-accounts';

const CASE_TITLE = 'Fictional example: a grandmother who reached safety';
const USUAL_CEILING = 300;
// 250 people expected: one address may sign 375 times in ten minutes during the event.
const EXPECTED_CROWD = 250;
const CROWD = USUAL_CEILING + 5;
// This journey's supporters all come from one loopback address of their own.
const RALLY_ADDRESS = '127.0.0.41';

async function publicCount(request: APIRequestContext, slug: string): Promise<number> {
  const response = await request.get(`/api/petitions/${slug}/count`, { headers: { 'cache-control': 'no-cache' } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { confirmed: number }).confirmed;
}

/** Each signer opens the link in their mail and presses Confirm. */
async function confirmAll(browser: Browser, baseURL: string, emails: string[]): Promise<void> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  for (const email of emails) {
    const mailbox = await context.request.get(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(await mailbox.text())?.[1];
    expect(token, email).toBeTruthy();
    await page.goto(`/confirm/${token}`);
    await page.getByRole('button', { name: 'Confirm my signature' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you: your signature counts' })).toBeVisible();
  }
  await context.close();
}

/** Signatures from the rally's address, several at once; all are answered 202. */
async function signFromRally(baseURL: string, slug: string, emails: string[]): Promise<void> {
  const agent = agentFrom(RALLY_ADDRESS);
  const answers = await Promise.all(emails.map((email) => signFrom(baseURL, slug, { from: RALLY_ADDRESS, email, agent })));
  agent.destroy();
  expect(answers.filter((answer) => answer.status !== 202)).toEqual([]);
}

/** The organizer creates a petition on a public case, opens its console page and opens it for signing; an admin approves its text. */
async function openPetition(page: Page, browser: Browser, slug: string, title: string): Promise<void> {
  await page.goto('/admin/petitions');
  await page.getByLabel('Case', { exact: true }).selectOption({ label: CASE_TITLE });
  await page.getByLabel('Address (/petitions/…)').fill(slug);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Addressed to').fill('The Embassy of the People’s Republic of China in Seoul');
  await page.getByLabel('Goal (signatures)').fill('1000');
  await page.getByRole('button', { name: 'New petition' }).click();
  await expect(page.getByRole('status')).toHaveText('Petition created as a draft. Open it when it is ready.');
  await page.getByTestId('petition-list').getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Open' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await approveInCaseFileAsAdmin(browser, { consolePath: new URL(page.url()).pathname, section: petitionTextSection, waiting: WAITING_FOR_TEXT_APPROVAL, caseTitle: CASE_TITLE, change: title });
}

test('an organizer runs a rally: event mode with its QR code, a crowd behind one address counts, then release and block from the activity panel', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(300_000);
  const run = randomBytes(4).toString('hex');
  const slug = `rally-embassy-${run}`;
  const title = `Do not send them back: rally at the embassy (${run})`;
  const label = `Rally outside the Chinese embassy, Seoul (${run})`;
  const email = (who: string, n: number) => `${who}-${n}-${run}@rally.example`;

  await signIn(page, E2E_ORGANIZER);
  await openPetition(page, browser, slug, title);
  const eventPanel = page.getByRole('region', { name: 'Event mode' });
  const activity = page.getByRole('region', { name: 'Unusual activity' });
  await expect(activity).toContainText('No signatures in the last hour.');

  // 1. Event mode: a form sent without its end is refused at the field, and nothing starts.
  await eventPanel.getByLabel('What and where').fill(label);
  await eventPanel.getByLabel('Expected crowd (people)').fill(String(EXPECTED_CROWD));
  await eventPanel.getByRole('button', { name: 'Start event mode' }).click();
  await expect(eventPanel.getByLabel('Ends (UTC)')).toHaveAccessibleDescription('Enter when the event ends.');
  await page.reload();
  await expect(eventPanel.getByRole('button', { name: 'Start event mode' })).toBeVisible();
  await expect(eventPanel.getByTestId('event-summary')).toHaveCount(0);

  // …then with an end two hours from now: the event runs, with the ceiling it gives one address and the QR code of the signing page.
  await eventPanel.getByLabel('What and where').fill(label);
  await eventPanel.getByLabel('Ends (UTC)').fill(new Date(Date.now() + 2 * 3600_000).toISOString().slice(0, 16));
  await eventPanel.getByLabel('Expected crowd (people)').fill(String(EXPECTED_CROWD));
  await eventPanel.getByRole('button', { name: 'Start event mode' }).click();
  const summary = eventPanel.getByTestId('event-summary');
  await expect(summary).toContainText(label);
  await expect(summary).toContainText('Running');
  await expect(summary).toContainText('Expected crowd: 250. One address may sign 375 times in ten minutes (usually 300).');
  await expect(eventPanel.getByRole('img', { name: 'QR code of the petition’s signing page' }).locator('svg')).toBeVisible();
  await expect(eventPanel.getByTestId('event-signing-url')).toHaveText(`${baseURL}/petitions/${slug}`);

  // 2. The crowd signs from one address, past the usual ceiling; the last five to sign confirm, and count.
  const rally = Array.from({ length: CROWD }, (_, n) => email('rally', n));
  await signFromRally(baseURL!, slug, rally);
  await confirmAll(browser, baseURL!, rally.slice(USUAL_CEILING));
  await expect.poll(() => publicCount(request, slug), { timeout: 30_000 }).toBe(CROWD - USUAL_CEILING);

  // The panel shows the address by the start of its hash, on its own (live, without reloading): none held.
  const addresses = activity.getByTestId('activity-addresses-row');
  await expect(addresses).toHaveCount(1, { timeout: 30_000 });
  await expect(addresses).toContainText(`${CROWD} signatures`, { timeout: 30_000 });
  await expect(addresses.locator('.font-mono')).toHaveText(/^[0-9a-f]{8}…$/);
  await expect(activity.getByTestId('activity-held')).toHaveText('0');
  await expect(activity.getByTestId('activity-domains-row')).toContainText(['rally.example']);
  await expect(activity.getByTestId('activity-countries-row')).toHaveCount(1);
  await expect(activity.getByTestId('activity-countries-row')).toContainText('South Korea');
  await expect(activity.getByTestId('activity-countries-row')).toContainText(`${CROWD} signatures`);
  expect(await page.content()).not.toContain(RALLY_ADDRESS);

  // 3. The event ends; three more from the same address are held, and shown as such.
  await eventPanel.getByRole('button', { name: 'End the event now' }).click();
  await expect(eventPanel.getByRole('button', { name: 'Start event mode' })).toBeVisible();
  const late = [0, 1, 2].map((n) => email('late', n));
  await signFromRally(baseURL!, slug, late);
  await confirmAll(browser, baseURL!, late.slice(0, 1));
  await page.reload();
  await expect(addresses).toContainText(`${CROWD + 3} signatures`);
  await expect(addresses).toContainText('3 held');
  await expect(activity.getByTestId('activity-held')).toHaveText('3');
  expect(await publicCount(request, slug)).toBe(CROWD - USUAL_CEILING);

  // 4. One click releases them: the confirmed one counts.
  await addresses.getByRole('button', { name: 'Release held', exact: true }).click();
  await expect(activity.getByTestId('activity-held')).toHaveText('0');
  await expect(addresses).not.toContainText('held');
  await expect.poll(() => publicCount(request, slug), { timeout: 30_000 }).toBe(CROWD - USUAL_CEILING + 1);

  // 5. One click blocks the address: still answered 202, never recorded, never mailed.
  await addresses.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(addresses).toContainText('Blocked');
  const blocked = email('blocked', 0);
  await signFromRally(baseURL!, slug, [blocked]);
  await page.reload();
  await expect(addresses).toContainText(`${CROWD + 3} signatures`);
  const mailbox = await request.get(`/dev/mailbox?to=${encodeURIComponent(blocked)}`);
  expect(await mailbox.text()).not.toContain('/confirm/');

  // 6. Had the rally been a bot farm: one click sets aside the domain's signatures of the last hour, and the count falls.
  await activity.getByTestId('activity-domains-row').filter({ hasText: 'rally.example' }).getByRole('button', { name: 'Invalidate last hour', exact: true }).click();
  await expect.poll(() => publicCount(request, slug), { timeout: 30_000 }).toBe(0);
  await expect(page.getByTestId('petition-figures')).toContainText(`Invalidated${CROWD + 3}`);
});
