import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEMO_CASE_SLUG } from '../db/seed';
import { watchForCspViolations } from './support/csp';
import { E2E_ORGANIZER, signIn } from './support/staff-accounts';

const EMBASSY_EMAIL = 'consular@embassy-seoul.test';

test('a supporter writes their own letter to China’s embassy in their country from the case’s supporters’ template', async ({ browser }) => {
  // The organizer gives the case a supporters' letter in Korean.
  const organizerContext = await browser.newContext();
  const organizer = await organizerContext.newPage();
  await signIn(organizer, E2E_ORGANIZER);
  await organizer.goto('/admin/letters/templates');
  const editor = organizer.getByRole('region', { name: 'New template' });
  await editor.getByLabel('Name').fill('Supporters, Korean');
  await editor.getByLabel('Case', { exact: true }).selectOption(DEMO_CASE_SLUG);
  await editor.getByLabel('Use').selectOption('supporter');
  await editor.getByLabel('Language').selectOption('ko');
  await editor.getByLabel('Text').fill('{{target.salutation}}\n\n{{person.alias}} 씨는 {{person.status}}입니다. 강제송환을 멈추어 주십시오.');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(organizer.getByText('Supporters, Korean')).toBeVisible();
  // The embassy in Seoul publishes an e-mail address and a fax number: the organizer records them.
  await organizer.goto('/admin/letters/targets');
  await organizer.getByRole('row').filter({ hasText: "Embassy of the People's Republic of China in the Republic of Korea" }).getByRole('link', { name: 'Edit' }).click();
  const targetForm = organizer.getByRole('region').filter({ has: organizer.getByRole('heading', { name: /^Edit / }) });
  await targetForm.getByLabel('E-mail').fill(EMBASSY_EMAIL);
  await targetForm.getByLabel('Fax').fill('+82 2 0000 0000');
  await targetForm.getByRole('button', { name: 'Save target' }).click();
  await expect(targetForm.getByRole('status')).toBeVisible();
  await organizerContext.close();

  // A supporter, not signed in, writes to the embassy in Seoul in Korean, adding a line of their own.
  const context = await browser.newContext();
  const page = await context.newPage();
  const cspViolations = watchForCspViolations(page);
  await page.goto(`/ko/cases/${DEMO_CASE_SLUG}/letter`);
  await expect(page.getByRole('heading', { level: 1, name: '직접 서한 쓰기' })).toBeVisible();
  await page.getByLabel('거주 국가').selectOption('KR');
  await expect(page.getByText('서울특별시 중구 명동2길 27')).toBeVisible();
  const letter = page.getByLabel('서한', { exact: true });
  await expect(letter).toHaveValue(/^대사님께\n\nMrs. Lee 씨는 보위부\(국가보위성\) 조사 중입니다\./);
  await letter.fill(`${await letter.inputValue()}\n저는 부산에 사는 시민입니다.`);
  await page.getByLabel('이름 (서한 아래에 인쇄)').fill('김지원');
  // The country list names countries in the reader's language, and the mail goes to the embassy.
  await expect(page.getByLabel('거주 국가').locator('option[value="GB"]')).toHaveText('영국 — London');
  await expect(page.getByTestId('embassy-channels')).toContainText('팩스: +82 2 0000 0000.');
  const mail = page.getByRole('link', { name: `이메일로 열기 (${EMBASSY_EMAIL})` });
  const mailto = (await mail.getAttribute('href'))!;
  expect(mailto.startsWith(`mailto:${EMBASSY_EMAIL}?subject=`)).toBe(true);
  expect(decodeURIComponent(mailto)).toContain('저는 부산에 사는 시민입니다.');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF로 내려받기' }).click();
  const pdf = fs.readFileSync((await (await downloading).path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  const squeezed = text.replace(/\s+/g, '');
  expect(squeezed).toContain('서울특별시중구명동2길27');
  expect(squeezed).toContain('저는부산에사는시민입니다.');
  expect(squeezed).toContain('김지원');
  expect(cspViolations).toEqual([]);
  await context.close();
});

test.describe('a supporter whose browser speaks Dutch (the Netherlands: no embassy listed)', () => {
  test.use({ locale: 'nl-NL' });

  test('is offered the closest listed embassy, with a word that theirs is not listed yet', async ({ page }) => {
    await page.goto(`/cases/${DEMO_CASE_SLUG}/letter`);
    await expect(page.getByTestId('embassy-not-listed')).toContainText('We have no verified address of China’s embassy in Netherlands yet.');
    const country = page.getByLabel('Your country');
    const chosen = await country.inputValue();
    expect(['CH', 'DE', 'FR']).toContain(chosen);
    // No e-mail published for it: the supporter is told to post the letter, and no empty mailto is offered.
    await expect(page.getByTestId('embassy-channels')).toContainText('publishes no e-mail address');
    await expect(page.getByRole('link', { name: /Open in my e-mail/ })).toHaveCount(0);
  });
});
