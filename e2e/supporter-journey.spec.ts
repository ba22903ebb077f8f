/**
 * The supporter's whole journey, as issue 15 walks it: on a 390 px phone in Korean and on a desktop in
 * English, a supporter reads the case, signs, confirms from the mail, is thanked with share links,
 * opens their own letter addressed to the embassy of their country, stops news mails (the signature
 * still counts), then withdraws and is told what was erased. On both engines (one project each).
 */
import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const SLUG = 'mother-and-son-returned-2017';

interface Words {
  prefix: '' | '/ko';
  nameLabel: string;
  emailLabel: string;
  sign: string;
  thanksHeading: string;
  confirm: string;
  confirmedHeading: string;
  ownLetter: string;
  letterHeading: string;
  countryLabel: string;
  embassyAddress: string;
  newsOffButton: string;
  newsOffDone: string;
  withdrawButton: string;
  withdrawnHeading: string;
  erasedEmail: string;
}

const korean: Words = {
  prefix: '/ko',
  nameLabel: '이름',
  emailLabel: '이메일 주소',
  sign: '서명하기',
  thanksHeading: '서명해 주셔서 감사합니다',
  confirm: '서명 확인',
  confirmedHeading: '감사합니다: 서명이 집계되었습니다',
  ownLetter: '중국 대사관에 직접 편지 쓰기',
  letterHeading: '직접 서한 쓰기',
  countryLabel: '거주 국가',
  embassyAddress: '서울특별시 중구 명동2길 27',
  newsOffButton: '소식 메일 그만 받기',
  newsOffDone: '소식 메일을 더 이상 보내지 않습니다',
  withdrawButton: '서명 철회',
  withdrawnHeading: '서명이 철회되었습니다',
  erasedEmail: '이메일 주소',
};

const english: Words = {
  prefix: '',
  nameLabel: 'Your name',
  emailLabel: 'Your e-mail address',
  sign: 'Sign',
  thanksHeading: 'Thank you for signing',
  confirm: 'Confirm my signature',
  confirmedHeading: 'Thank you: your signature counts',
  ownLetter: 'Write your own letter to China’s embassy',
  letterHeading: 'Write your own letter',
  countryLabel: 'Your country',
  embassyAddress: '49–51 Portland Place',
  newsOffButton: 'Stop news mails',
  newsOffDone: 'No more news mails',
  withdrawButton: 'Withdraw my signature',
  withdrawnHeading: 'Your signature is withdrawn',
  erasedEmail: 'your e-mail address',
};

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function openMailLink(page: Page, words: Words, email: string, path: RegExp) {
  await page.goto(`${words.prefix}/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByTestId('dev-mail').filter({ hasText: email }).first().getByRole('link', { name: path }).first().click();
}

async function journey(page: Page, words: Words, country: string) {
  const email = `journey-${randomBytes(4).toString('hex')}@example.org`;
  // Read the case, then reach the sign form (on a phone, through the sticky button).
  await page.goto(`${words.prefix}/cases/${SLUG}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('A mother and her four-year-old son');
  const sticky = page.getByTestId('sticky-sign');
  if (await sticky.isVisible()) await sticky.click();
  const form = page.getByTestId('petition-sign-box');
  await form.getByLabel(words.nameLabel, { exact: true }).fill('Journey Supporter');
  await form.getByLabel(words.emailLabel).fill(email);
  // The country comes preselected from the browser's language.
  await expect(form.locator('select').first()).toHaveValue(country);
  await form.getByRole('checkbox').check();
  await form.getByRole('button', { name: words.sign, exact: true }).click();

  // Thanked, with share links, then confirm from the mail.
  await expect(page.getByRole('heading', { level: 1, name: words.thanksHeading })).toBeVisible();
  await expect(page.getByTestId('share-panel')).toBeVisible();
  await openMailLink(page, words, email, /\/confirm\//);
  await page.getByRole('button', { name: words.confirm }).click();
  await expect(page.getByRole('heading', { name: words.confirmedHeading })).toBeVisible();
  await expect(page.getByTestId('share-panel')).toBeVisible();

  // Their own letter, addressed to China's embassy in their country.
  await page.getByRole('link', { name: words.ownLetter }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: words.letterHeading })).toBeVisible();
  await expect(page.getByLabel(words.countryLabel)).toHaveValue(country);
  await expect(page.getByText(words.embassyAddress, { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  // No more news mails; the signature stays.
  await openMailLink(page, words, email, /\/unsubscribe\//);
  await page.getByRole('button', { name: words.newsOffButton }).click();
  await expect(page.getByRole('heading', { name: words.newsOffDone })).toBeVisible();

  // Then withdraw: the page says what was erased.
  await openMailLink(page, words, email, /\/withdraw\//);
  await page.getByRole('button', { name: words.withdrawButton }).click();
  await expect(page.getByRole('heading', { name: words.withdrawnHeading })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(words.erasedEmail);
  await expectNoAxeViolations(page);
}

test.describe('on a 390 px phone, in Korean', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'ko-KR' });

  test('read, sign, confirm, thank-you with share, own letter to Seoul, stop news, withdraw', async ({ page }) => {
    await journey(page, korean, 'KR');
  });
});

test.describe('on a desktop, in English', () => {
  test.use({ locale: 'en-GB' });

  test('read, sign, confirm, thank-you with share, own letter to London, stop news, withdraw', async ({ page }) => {
    await journey(page, english, 'GB');
  });
});
