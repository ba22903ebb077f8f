import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { watchForCspViolations } from './support/csp';

const PETITION = '/ko/petitions/mother-and-son-returned-2017';

test.use({ locale: 'ko-KR' });

test('a supporter signs in Korean, confirms from the mail, and sees the count rise', async ({ page, request }) => {
  const email = `supporter-${randomBytes(4).toString('hex')}@example.org`;
  const countNow = async () => (await (await request.get('/api/petitions/mother-and-son-returned-2017/count')).json()).confirmed as number;
  const before = await countNow();

  await page.goto(PETITION);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('petition-count')).toHaveText(`서명 ${before}명`);
  // The browser speaks Korean: South Korea is preselected.
  await expect(page.getByLabel('국가', { exact: true })).toHaveValue('KR');
  await expect(page.getByLabel('익명 (위험에 처할 수 있다면 권장)')).toBeChecked();
  await expect(page.getByLabel('이 사례에 새 소식이 있으면 이메일로 알려 주세요')).not.toBeChecked();

  // A typo is caught at its field, and nothing typed is lost.
  await page.getByLabel('이름', { exact: true }).fill('김민지');
  await page.getByLabel('이메일 주소').fill('supporter-at-example.org');
  await page.getByRole('button', { name: '서명하기' }).click();
  await expect(page.getByText('올바른 이메일 주소를 입력하세요.')).toBeVisible();
  await expect(page.getByLabel('이름', { exact: true })).toHaveValue('김민지');

  await page.getByLabel('이메일 주소').fill(email);
  await page.getByLabel('이름(성 제외)과 국가').check();
  await expect(page.getByText('다음과 같이 표시됩니다: 민지, 대한민국')).toBeVisible();
  await page.getByRole('button', { name: '서명하기' }).click();
  await expect(page.getByText('거의 다 되었습니다: 이메일을 확인하고 서명을 확인해 주세요.', { exact: false })).toBeVisible();
  expect(await countNow()).toBe(before);

  await page.goto(`/ko/dev/mailbox?to=${encodeURIComponent(email)}`);
  const mail = page.getByTestId('dev-mail').filter({ hasText: email });
  await expect(mail).toHaveCount(1);
  await expect(mail).toContainText('서명을 확인해 주세요: Do not send them back');
  await mail.getByRole('link', { name: /\/ko\/confirm\// }).click();

  // Opening the link (as a mail scanner would) changes nothing.
  await expect(page.getByRole('heading', { name: '서명 확인' })).toBeVisible();
  expect(await countNow()).toBe(before);
  await page.getByRole('button', { name: '서명 확인' }).click();
  await expect(page.getByRole('heading', { name: '감사합니다: 서명이 집계되었습니다' })).toBeVisible();
  // Confirming again (a reload, a second click) is harmless.
  await page.reload();
  await expect(page.getByRole('heading', { name: '감사합니다: 서명이 집계되었습니다' })).toBeVisible();

  await page.getByRole('link', { name: '청원 보기' }).click();
  await expect(page).toHaveURL(/\/ko\/petitions\/mother-and-son-returned-2017$/);
  await expect(page.getByTestId('petition-count')).toHaveText(`서명 ${before + 1}명`, { timeout: 10_000 });
  expect(await countNow()).toBe(before + 1);
});

test('a partner site embeds the sign widget, and signing works inside the frame', async ({ page, baseURL }) => {
  const violations = watchForCspViolations(page);
  // A partner NGO's page on another origin: a small server of its own on this machine.
  const partnerSite = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(`<h1>A partner NGO</h1><iframe title="Vigil petition" src="${baseURL}/ko/embed/petitions/canary-public-case" width="420" height="900"></iframe>`);
  });
  await new Promise<void>((resolve) => partnerSite.listen(0, '127.0.0.1', resolve));
  const { port } = partnerSite.address() as AddressInfo;
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    const widget = page.frameLocator('iframe[title="Vigil petition"]');
    await expect(widget.getByTestId('petition-sign-box')).toBeVisible();
    await expect(widget.getByTestId('petition-count')).toHaveText('서명 2명');
    await widget.getByLabel('이름', { exact: true }).fill('Partner Reader');
    await widget.getByLabel('이메일 주소').fill(`widget-${randomBytes(4).toString('hex')}@example.org`);
    await widget.getByRole('button', { name: '서명하기' }).click();
    await expect(widget.getByText('거의 다 되었습니다', { exact: false })).toBeVisible();
    expect(violations).toEqual([]);
  } finally {
    partnerSite.close();
  }
});
