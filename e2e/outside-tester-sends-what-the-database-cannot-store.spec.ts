import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, E2E_ADVOCATE, signIn } from './support/staff-accounts';

// Text Postgres cannot store (NUL; a lone surrogate, which has no UTF-8 spelling) and an id that is
// no UUID (36 dashes) used to reach the database and come back as 500s. Each is now the sender's to fix.
const PETITION = 'mother-and-son-returned-2017';
const DASHES = '-'.repeat(36);
const FORGED_LINK = `${DASHES}.${'a'.repeat(32)}`;
const TEXT_INVALID = 'This text contains a character that cannot be saved (a NUL or a broken character). Remove it and try again.';
const run = randomBytes(4).toString('hex');

/** Sets a field's value as a script would: page.fill cannot type a NUL or a lone surrogate. */
async function setValue(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).evaluate((element, text) => {
    const input = element as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

test('the signing API answers a name with a NUL or a lone surrogate with a 400 naming the field, as JSON, and signs nothing', async ({ page, request }) => {
  // JSON escapes: the only way to send a lone surrogate over UTF-8.
  const names = ['Kim\\u0000', '\\u0000', 'Kim \\ud800', '\\udc00Lee'];
  const emails = names.map((_, index) => `unstorable-${index}-${run}@example.org`);
  for (const [index, name] of names.entries()) {
    const response = await request.post(`/api/petitions/${PETITION}/signatures`, {
      headers: { 'Content-Type': 'application/json' },
      data: `{"name":"${name}","email":"${emails[index]}","country":"DE","display":"anonymous"}`,
    });
    expect(response.status(), name).toBe(400);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(await response.json()).toEqual({ error: 'invalid_field', field: 'name', code: 'textInvalid', message: TEXT_INVALID });
  }
  // Nothing was written: a signature would have queued its confirmation mail in the same transaction.
  for (const email of emails) {
    const mailbox = await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    expect(mailbox?.status()).toBe(200);
    await expect(page.getByText('No mail yet.')).toBeVisible();
    await expect(page.getByTestId('dev-mail')).toHaveCount(0);
  }

  // The sign form says the same at the field, before anything is sent.
  await page.goto(`/petitions/${PETITION}`);
  await setValue(page, 'Your name', 'Kim \ud800');
  await page.getByLabel('Your e-mail address').fill(emails[0]!);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByText(TEXT_INVALID)).toBeVisible();
});

test('a staff form refuses a title with a NUL or a lone surrogate, in the browser and on the server, and creates nothing', async ({ page }) => {
  await signIn(page, E2E_ADVOCATE);
  await page.goto('/admin/cases/new');
  const title = `Unstorable ${run}`;
  await page.getByLabel('Web address').fill(`unstorable-${run}`);

  // In the browser: the form's own check (the shared schema) names the field.
  await setValue(page, 'Title', `${title} \ud800`);
  await page.getByRole('button', { name: 'Create the case' }).click();
  await expect(page.getByText(TEXT_INVALID)).toBeVisible();

  // On the server: a NUL put into the server action's request after the browser's check.
  await page.getByLabel('Title').fill(`${title} ZZNULZZ`);
  await expect(page.getByText(TEXT_INVALID)).toHaveCount(0);
  await page.route('**/admin/cases/new', async (route) => {
    const body = route.request().postDataBuffer();
    if (route.request().method() !== 'POST' || !body?.includes('ZZNULZZ')) return route.continue();
    await route.continue({ postData: Buffer.from(body.toString('latin1').replace('ZZNULZZ', 'ZZ\u0000\u0000\u0000ZZ'), 'latin1') });
  });
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/admin/cases/new'));
  await page.getByRole('button', { name: 'Create the case' }).click();
  expect((await answered).status()).toBe(200);
  await expect(page.getByText(TEXT_INVALID)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/cases\/new$/);
  await page.unroute('**/admin/cases/new');

  await page.goto('/admin/cases');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
});

test('36 dashes where an id belongs: every id route answers 4xx, the APIs as JSON, signed in or not', async ({ browser, request }) => {
  const apis = [
    `/api/admin/cases/${DASHES}/dossier?format=json`,
    `/api/admin/cases/${DASHES}/dossier?format=pdf`,
    `/api/admin/petitions/${DASHES}/export`,
    `/api/letters/batch?id=${DASHES}&format=pdf`,
  ];
  const pages = [`/admin/cases/${DASHES}`, `/admin/cases/${DASHES}/history`, `/admin/petitions/${DASHES}`];

  // Signed out: the staff APIs say so (401), or that there is no such record; never a 500.
  for (const path of apis) {
    const response = await request.get(path);
    expect([401, 404], `${path} answered ${response.status()}`).toContain(response.status());
    expect(response.headers()['content-type'], path).toContain('application/json');
  }
  const newsOff = await request.post(`/api/petitions/news-off/${FORGED_LINK}`, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(newsOff.status()).toBe(404);
  expect(await newsOff.json()).toEqual({ error: 'unknown_link' });

  // Signed in as an admin, who may open every one of them: not found, or the id is invalid.
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, E2E_ADMIN);
  for (const path of apis) {
    const response = await admin.request.get(path);
    expect([400, 404, 422], `${path} answered ${response.status()}`).toContain(response.status());
    expect(response.headers()['content-type'], path).toContain('application/json');
  }
  for (const path of [...pages, ...pages.map((path) => `/ko${path}`)]) {
    const response = await admin.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  // The public links that carry a signature id, and the other token pages, with dashes instead.
  for (const path of [`/withdraw/${FORGED_LINK}`, `/unsubscribe/${FORGED_LINK}`, `/confirm/${DASHES}`, `/invite/${DASHES}`]) {
    const response = await admin.goto(path);
    expect(response?.status(), path).toBeGreaterThanOrEqual(200);
    expect(response?.status(), path).toBeLessThan(500);
  }
  await context.close();
});
