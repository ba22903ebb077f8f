/**
 * A supporter signs, confirms and is thanked with what to do next: share the petition (no third-party
 * script: plain links, a QR code, the phone's share sheet), write their own letter, follow the case,
 * sign another petition. Link previews of the case carry the meta tags and an image that is there.
 * An organizer prints the rally kit: a poster whose QR code leads to the petition.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, test } from '@playwright/test';
import { watchForCspViolations } from './support/csp';
import { E2E_ORGANIZER, signIn } from './support/staff-accounts';

const SLUG = 'mother-and-son-returned-2017';

async function expectNoAxeViolations(page: Page, selector: string) {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The share links of a page: each names the petition's public address, and none loads anything itself. */
async function expectShareLinks(page: Page, petitionUrl: string, labels: { email: string; x: string; line: string }) {
  const panel = page.getByTestId('share-panel');
  await expect(panel.getByRole('textbox')).toHaveValue(petitionUrl);
  const encoded = encodeURIComponent(petitionUrl);
  await expect(panel.getByRole('link', { name: labels.email })).toHaveAttribute('href', new RegExp(`^mailto:\\?subject=.+&body=.+${encoded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(panel.getByRole('link', { name: labels.x })).toHaveAttribute('href', `https://x.com/intent/post?text=${encodeURIComponent(await shareText(page))}&url=${encoded}`);
  await expect(panel.getByRole('link', { name: labels.line })).toHaveAttribute('href', `https://social-plugins.line.me/lineit/share?url=${encoded}`);
  await expect(panel.getByRole('link', { name: labels.x })).toHaveAttribute('rel', 'noopener noreferrer');
  // WeChat: a QR code of the same address, drawn on the server.
  await panel.locator('summary').click();
  await expect(panel.getByTestId('share-qr').locator('svg')).toBeVisible();
}

async function shareText(page: Page): Promise<string> {
  const href = (await page.getByTestId('share-panel').locator('a[href^="https://x.com/"]').getAttribute('href'))!;
  return new URL(href).searchParams.get('text')!;
}

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR', permissions: ['clipboard-read', 'clipboard-write'] });

  test('a supporter signs, confirms, and is offered share, their own letter, the case and another petition', async ({ page, baseURL }) => {
    const violations = watchForCspViolations(page);
    const email = `spreader-${randomBytes(4).toString('hex')}@example.org`;
    const petitionUrl = `${baseURL}/ko/petitions/${SLUG}`;
    const labels = { email: '이메일', x: 'X (트위터)', line: '라인' };

    await page.goto(`/ko/petitions/${SLUG}`);
    await page.getByLabel('이름', { exact: true }).fill('박서준');
    await page.getByLabel('이메일 주소').fill(email);
    await page.getByRole('button', { name: '서명하기' }).click();

    // The thank-you after signing: check your mail, and what else you can do.
    await expect(page).toHaveURL(new RegExp(`/ko/petitions/${SLUG}/thanks$`));
    await expect(page.getByRole('heading', { level: 1, name: '서명해 주셔서 감사합니다' })).toBeVisible();
    await expect(page.getByText('거의 다 되었습니다: 이메일을 확인하고 서명을 확인해 주세요.', { exact: false })).toBeVisible();
    await expectShareLinks(page, petitionUrl, labels);
    await expect(page.getByRole('link', { name: '중국 대사관에 직접 편지 쓰기' })).toHaveAttribute('href', `/ko/cases/${SLUG}/letter`);
    await expect(page.getByRole('link', { name: '이 사례의 공개 소식 Atom 피드 (피드 리더용)' })).toHaveAttribute('href', `/cases/${SLUG}/feed.xml`);
    // Another open petition, with its count; not this one again.
    const others = page.getByTestId('other-petitions');
    await expect(others.getByRole('link')).not.toHaveCount(0);
    await expect(others.getByRole('link', { name: 'Do not send them back: let the mother and her son go to South Korea', exact: true })).toHaveCount(0);
    await expect(others).toContainText(/서명 \d+명 · 목표 [\d,]+명/);
    // Copying the link puts the petition's address on the clipboard.
    await page.getByRole('button', { name: '링크 복사' }).click();
    await expect(page.getByTestId('share-panel').getByRole('status')).toHaveText('링크를 복사했습니다.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(petitionUrl);
    await expectNoAxeViolations(page, 'main');

    // The thank-you after confirming: the same offers.
    await page.goto(`/ko/dev/mailbox?to=${encodeURIComponent(email)}`);
    await page.getByTestId('dev-mail').filter({ hasText: email }).getByRole('link', { name: /\/ko\/confirm\// }).click();
    await page.getByRole('button', { name: '서명 확인' }).click();
    await expect(page.getByRole('heading', { name: '감사합니다: 서명이 집계되었습니다' })).toBeVisible();
    await expect(page.getByTestId('next-steps')).toBeVisible();
    await expectShareLinks(page, petitionUrl, labels);
    await expectNoAxeViolations(page, 'main');

    await page.getByRole('link', { name: '중국 대사관에 직접 편지 쓰기' }).click();
    await expect(page).toHaveURL(new RegExp(`/ko/cases/${SLUG}/letter$`));
    expect(violations).toEqual([]);
  });
});

/** A page's meta tags by property or name. */
async function metaTags(request: APIRequestContext, path: string): Promise<Record<string, string>> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  const tags: Record<string, string> = {};
  for (const match of html.matchAll(/<meta\s+(?:property|name)="([^"]+)"\s+content="([^"]*)"/g)) tags[match[1]!] ??= match[2]!.replaceAll('&amp;', '&');
  return tags;
}

/** Fetches a preview image and checks it is a 1200×630 PNG. */
async function expectPreviewImage(request: APIRequestContext, url: string) {
  const image = await request.get(url);
  expect(image.status(), url).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  const body = await image.body();
  expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
}

test('link previews: the case, petition and home pages carry OpenGraph and Twitter tags, and their images answer', async ({ request, baseURL }) => {
  const english = await metaTags(request, `/cases/${SLUG}`);
  expect(english['og:title']).toBe('A mother and her four-year-old son, caught in China and sent back');
  expect(english['og:url']).toBe(`${baseURL}/cases/${SLUG}`);
  expect(english['og:image']).toBe(`${baseURL}/cases/${SLUG}/share-image`);
  expect(english['og:image:width']).toBe('1200');
  expect(english['twitter:card']).toBe('summary_large_image');
  expect(english['twitter:image']).toBe(english['og:image']);
  await expectPreviewImage(request, english['og:image']!);

  const korean = await metaTags(request, `/ko/cases/${SLUG}`);
  expect(korean['og:image']).toBe(`${baseURL}/ko/cases/${SLUG}/share-image`);
  expect(korean['og:locale']).toBe('ko_KR');
  await expectPreviewImage(request, korean['og:image']!);

  const petition = await metaTags(request, `/petitions/${SLUG}`);
  expect(petition['og:title']).toBe('Do not send them back: let the mother and her son go to South Korea');
  await expectPreviewImage(request, petition['og:image']!);
  const home = await metaTags(request, '/ko');
  expect(home['og:image']).toBe(`${baseURL}/ko/share-image`);
  await expectPreviewImage(request, home['og:image']!);

  // A case the public may not see has no preview either.
  expect((await request.get('/cases/no-such-case/share-image')).status()).toBe(404);
});

test('the share panel of a case page passes axe and names the case’s address', async ({ page, baseURL }) => {
  const violations = watchForCspViolations(page);
  await page.goto(`/cases/${SLUG}`);
  const panel = page.getByTestId('share-panel');
  await expect(panel.getByRole('textbox')).toHaveValue(`${baseURL}/cases/${SLUG}`);
  await panel.locator('summary').click();
  await expect(panel.getByTestId('share-qr').locator('svg')).toBeVisible();
  await expectNoAxeViolations(page, '[data-testid="share-panel"]');
  expect(violations).toEqual([]);
});

test('an organizer downloads the rally poster and the flyer: the petition’s title and the address its QR code holds', async ({ page, baseURL, request }) => {
  await signIn(page, E2E_ORGANIZER);
  await page.goto('/admin/petitions');
  await page.getByRole('link', { name: 'Do not send them back: let the mother and her son go to South Korea' }).click();
  const kit = page.getByTestId('rally-kit');
  await expect(kit.getByRole('heading', { name: 'Rally kit' })).toBeVisible();
  await expectNoAxeViolations(page, '[data-testid="rally-kit"]');

  for (const [language, paper, name, url] of [
    ['Korean', 'a4', 'A4 poster (PDF)', `${baseURL}/ko/petitions/${SLUG}`],
    ['English', 'a6', 'A6 flyer (PDF)', `${baseURL}/petitions/${SLUG}`],
  ] as const) {
    const downloading = page.waitForEvent('download');
    await kit.getByRole('listitem').filter({ hasText: language }).getByRole('link', { name }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${SLUG}-${paper === 'a6' ? 'flyer' : 'poster'}-${paper}-${language === 'Korean' ? 'ko' : 'en'}.pdf`);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', (await download.path())!, '-']).toString('utf8');
    expect(text.split('\n').map((line) => line.trim())).toContain(url);
    expect(text.replace(/\s+/g, '')).toContain('Donotsendthemback:letthemotherandhersongotoSouthKorea');
    // The short link printed under it leads to the same page.
    const short = /(?:Short link|짧은 주소): (\S+)/.exec(text)![1]!;
    const followed = await request.get(`http://${short}`, { maxRedirects: 0 });
    expect(followed.status()).toBe(307);
    expect(new URL(followed.headers()['location']!, baseURL).pathname).toBe(new URL(url).pathname);
  }

  // Nobody else gets it: the download is a staff operation.
  const anonymous = await request.get(`${baseURL}/api/admin/petitions/00000000-0000-4000-8000-000000000000/rally-kit`);
  expect(anonymous.status()).toBe(401);
});
