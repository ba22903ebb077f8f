/**
 * A rally of 300 people signs from one address (one mobile network, one NAT): every one is accepted and
 * counts once confirmed. An abuser past that address's ceiling tries to pass for someone else by
 * sending headers: still accepted, still held. Through the real nginx in front of the production server
 * (e2e/support/reverse-proxy.ts), which the server lists as its only proxy, and on its own port.
 * The e2e servers hold signatures past 300 from one address in ten minutes (playwright.config.ts).
 */
import { randomBytes } from 'node:crypto';
import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { appURL } from './support/proxied-servers';
import { agentFrom, signFrom } from './support/sign-from';

const SLUG = 'mother-and-son-returned-2017';
const CEILING = 300;
const run = randomBytes(3).toString('hex');
const email = (who: string, n = 0) => `${who}-${n}-${run}@example.org`;

// Every header a client might hope the server believes about its address.
const FORGED: Record<string, string>[] = [
  { 'X-Forwarded-For': '198.51.100.1' },
  { 'X-Forwarded-For': '198.51.100.2, 198.51.100.3' },
  { 'X-Real-IP': '198.51.100.4' },
  { Forwarded: 'for=198.51.100.5' },
  { 'X-Vigil-Client-Address': '198.51.100.6' },
  { 'X-Vigil-Peer-Address': '198.51.100.7' },
  { 'X-Forwarded-For': '127.0.0.2' },
];

async function count(request: APIRequestContext): Promise<number> {
  const response = await request.get(`/api/petitions/${SLUG}/count`, { headers: { 'cache-control': 'no-cache' } });
  return ((await response.json()) as { confirmed: number }).confirmed;
}

/**
 * Each signer opens the link in their mail and presses Confirm, a few at a time: the first few in the
 * browser, the others as a browser without JavaScript does (the page's form, posted as it stands; the
 * server answers with a redirect to the confirmed page). A crowd of 300 page renders would only time the browser.
 */
async function confirmAll(browser: Browser, baseURL: string, emails: string[]): Promise<void> {
  const context = await browser.newContext({ baseURL });
  const queue = [...emails];
  const tokenOf = async (address: string) => {
    const mailbox = await context.request.get(`/dev/mailbox?to=${encodeURIComponent(address)}`);
    const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(await mailbox.text())?.[1];
    expect(token, address).toBeTruthy();
    return token!;
  };
  const inBrowser = async () => {
    const page = await context.newPage();
    const next = queue.shift();
    if (!next) return;
    await page.goto(`/confirm/${await tokenOf(next)}`);
    await page.getByRole('button', { name: 'Confirm my signature' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you: your signature counts' })).toBeVisible();
  };
  const withoutScript = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const path = `/confirm/${await tokenOf(next)}`;
      const form = await (await context.request.get(path)).text();
      const hidden = [...form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map(([input]) => [/name="([^"]*)"/.exec(input)?.[1] ?? '', /value="([^"]*)"/.exec(input)?.[1] ?? '']);
      const fields = Object.fromEntries(hidden.filter(([name]) => name));
      expect(Object.keys(fields).some((name) => name.startsWith('$ACTION_ID_')), `${next}: the confirm form works without JavaScript`).toBe(true);
      const posted = await context.request.post(path, { multipart: fields, headers: { origin: new URL(baseURL).origin }, maxRedirects: 0 });
      expect(posted.status(), next).toBe(303);
      expect(await (await context.request.get(path)).text()).toContain('Thank you: your signature counts');
    }
  };
  await Promise.all([inBrowser(), inBrowser(), ...Array.from({ length: 4 }, withoutScript)]);
  await context.close();
}

/** `total` signatures from one address at once, over a few keep-alive connections; their e-mails. */
async function crowd(url: string, from: string, who: string, total: number): Promise<string[]> {
  const agent = agentFrom(from);
  const emails = Array.from({ length: total }, (_, n) => email(who, n));
  const answers = await Promise.all(emails.map((address) => signFrom(url, SLUG, { from, email: address, agent })));
  agent.destroy();
  expect(answers.filter((answer) => answer.status !== 202)).toEqual([]);
  return emails;
}

test('300 supporters behind one address all count; past the ceiling a forged header gains nothing, another address does', async ({ baseURL, browser, request }) => {
  test.setTimeout(300_000);
  const proxy = baseURL!;
  const before = await count(request);
  const rally = await crowd(proxy, '127.0.0.21', 'rally', CEILING);
  await confirmAll(browser, proxy, rally);
  await expect.poll(() => count(request), { timeout: 30_000 }).toBe(before + CEILING);

  // The 301st onwards from that address, whatever headers they carry: accepted and confirmed like anyone, held.
  const forged = FORGED.map((_, n) => email('forged', n));
  for (const [n, headers] of FORGED.entries()) {
    expect((await signFrom(proxy, SLUG, { from: '127.0.0.21', email: forged[n]!, headers })).status, JSON.stringify(headers)).toBe(202);
  }
  // Another supporter behind the same proxy: the proxy's X-Forwarded-For is believed, so a ceiling of their own.
  const neighbour = email('neighbour');
  expect((await signFrom(proxy, SLUG, { from: '127.0.0.22', email: neighbour })).status).toBe(202);
  await confirmAll(browser, proxy, [...forged, neighbour]);
  await expect.poll(() => count(request), { timeout: 30_000 }).toBe(before + CEILING + 1);
});

test('a server reached directly judges the socket address, not one shared "unknown" nor a header', async ({ baseURL, browser, request }) => {
  test.setTimeout(120_000);
  const direct = appURL(baseURL!);
  const before = await count(request);
  await crowd(direct, '127.0.0.31', 'direct', CEILING);
  const forged = FORGED.map((_, n) => email('direct-forged', n));
  for (const [n, headers] of FORGED.entries()) {
    expect((await signFrom(direct, SLUG, { from: '127.0.0.31', email: forged[n]!, headers })).status, JSON.stringify(headers)).toBe(202);
  }
  const other = email('direct-other');
  expect((await signFrom(direct, SLUG, { from: '127.0.0.32', email: other })).status).toBe(202);
  await confirmAll(browser, baseURL!, [...forged, other]);
  // Only the supporter at the other address counts: the forged ones are held, whatever they claimed.
  await expect.poll(() => count(request), { timeout: 30_000 }).toBe(before + 1);
});
