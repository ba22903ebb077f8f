import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEMO_CASE_SLUG } from '../db/seed';
import { watchForCspViolations } from './support/csp';
import { E2E_ADMIN, E2E_ORGANIZER, signIn } from './support/staff-accounts';

const squeeze = (value: string) => value.replace(/\s+/g, '');

test('an organizer writes a template, previews it, sends letters to three embassies, and records a reply that reaches the case timeline', async ({ page, browser }) => {
  const cspViolations = watchForCspViolations(page);
  await signIn(page, E2E_ORGANIZER);

  // The template: a misspelt field is named with its place while typing, and again if saved.
  await page.goto('/admin/letters/templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Letter templates' })).toBeVisible();
  const editor = page.getByRole('region', { name: 'New template' });
  await editor.getByLabel('Name').fill('Appeal to China’s embassies');
  await editor.getByLabel('Case', { exact: true }).selectOption(DEMO_CASE_SLUG);
  await editor.getByLabel('Language').selectOption('en');
  const body = editor.getByLabel('Text');
  await body.fill('{{target.salutation}}\n\nWe write about {{person.alais}}.');
  await expect(editor.getByText('Unknown merge field “person.alais” at line 3, column 16.').first()).toBeVisible();
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(editor.getByRole('alert').filter({ hasText: 'Unknown merge field “person.alais” at line 3, column 16' }).first()).toBeVisible();

  await body.fill(
    '{{target.salutation}}\n\nWe write to you about {{person.alias}}, who is {{person.status}}. ' +
      'We ask your government to stop the forced return of North Koreans and to tell her family where she is.\n\n' +
      '서울에서 가족들이 기다리고 있습니다. 请停止强制遣返。\n\nYours faithfully,',
  );
  await editor.getByLabel('Preview for').selectOption({ label: 'Embassy of the People\'s Republic of China in Canada' });
  await editor.getByLabel('Preview sender').fill('Kim Min-ji');
  const preview = editor.getByTestId('letter-preview');
  await expect(preview).toContainText('515 St. Patrick Street');
  await expect(preview).toContainText('Your Excellency,');
  await expect(preview).toContainText('We write to you about Mrs. Lee, who is held for interrogation by state security.');
  await expect(editor.getByText(/Fits on one page/)).toBeVisible();
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Appeal to China’s embassies').first()).toBeVisible();
  await expect(page.getByText('version 1')).toBeVisible();

  // A batch for three embassies, picked by hand.
  await page.goto('/admin/letters');
  const generate = page.getByRole('region', { name: 'Generate a batch' });
  await generate.getByLabel('Picked by hand').check();
  for (const host of ['the Republic of Korea (Seoul)', 'Canada (Ottawa)', 'the Federal Republic of Germany (Berlin)']) {
    await generate.getByRole('checkbox', { name: `Embassy of the People's Republic of China in ${host}` }).check();
  }
  await generate.getByLabel('Sender’s name').fill('Kim Min-ji');
  await generate.getByLabel('Sender’s organisation').fill('Seoul Families Support Group');
  await generate.getByRole('button', { name: 'Generate letters' }).click();
  await expect(generate.getByText('3 letters generated.')).toBeVisible();
  const batch = page.getByTestId('letter-batch').first();
  await expect(batch.getByTestId('letter-row')).toHaveCount(3);

  // The PDF: one letter a page, every address, Korean and Chinese in the text.
  const downloading = page.waitForEvent('download');
  await batch.getByRole('link', { name: 'PDF' }).click();
  const download = await downloading;
  const pdf = fs.readFileSync((await download.path())!);
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  expect(totalPages).toBe(3);
  const pages = text.map(squeeze);
  for (const address of ['서울특별시 중구 명동2길 27', '515 St. Patrick Street', 'Märkisches Ufer 54']) {
    expect(pages.filter((pageText) => pageText.includes(squeeze(address)))).toHaveLength(1);
  }
  for (const pageText of pages) {
    expect(pageText).toContain(squeeze('서울에서 가족들이 기다리고 있습니다.'));
    expect(pageText).toContain('请停止强制遣返。');
  }

  // Ottawa's letter: sent by post, then a reply, put on the public timeline.
  const ottawa = batch.getByTestId('letter-row').filter({ hasText: 'in Canada' });
  await ottawa.getByLabel('New status').selectOption('sent');
  await ottawa.getByLabel('Sent by').selectOption('post');
  await ottawa.getByRole('button', { name: 'Save' }).click();
  await expect(ottawa.getByText('Sent', { exact: true })).toBeVisible();
  await ottawa.getByLabel('New status').selectOption('replied');
  await ottawa.getByLabel('Note (private)').fill('The consular section answered that the matter is under review. Private detail: XJ-PRIVATE-NOTE.');
  await ottawa.getByLabel('Add to the case’s public timeline').check();
  await ottawa.getByLabel('Public timeline title').fill('China’s embassy in Ottawa answered our letter');
  await ottawa.getByRole('button', { name: 'Save' }).click();
  await expect(ottawa.getByText('Replied', { exact: true })).toBeVisible();
  await expect(ottawa.getByText('awaiting approval for the timeline')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Response record by target' }).getByRole('row', { name: /Canada/ })).toContainText('1');
  expect(cspViolations).toEqual([]);

  // Like every public event, it waits for a second staff member: the admin approves it in the case file.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_ADMIN);
  await admin.goto('/admin/cases');
  await admin.getByRole('link', { name: 'A mother and her four-year-old son, caught in China and sent back' }).click();
  const pending = admin.getByTestId('pending-publication');
  await expect(pending.getByTestId('pending-changes')).toContainText('China’s embassy in Ottawa answered our letter');
  await pending.getByRole('button', { name: 'Approve publication' }).click();
  await expect(admin.getByTestId('pending-publication')).toHaveCount(0);
  await adminContext.close();

  // The reply is on the case's public page; the private note is not.
  // Publishing refreshes the cached page within seconds: read it again until it is there.
  await expect(async () => {
    await page.goto(`/cases/${DEMO_CASE_SLUG}`);
    await expect(page.getByText('China’s embassy in Ottawa answered our letter')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  expect(await page.content()).not.toContain('XJ-PRIVATE-NOTE');
});
