import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { watchForCspViolations } from './support/csp';
import { appURL } from './support/proxied-servers';
import { httpGet } from './support/raw-http';

const CASE = '/cases/mother-and-son-returned-2017';
const PAGES = ['/', '/ko', CASE];

test.describe('a reader (and a CDN in front of Vigil) gets public pages that can be kept and shared', () => {
  test('public pages: no cookie, strong ETag and 304, cacheable by shared caches, compressed once when asked', async ({ baseURL }) => {
    for (const path of PAGES) {
      // The first answers fill this instance's bytes cache, compressed once off the event loop: wait for it.
      await expect
        .poll(async () => (await httpGet(appURL(baseURL!), path, { 'accept-encoding': 'br' })).headers['content-encoding'], { message: path, timeout: 30_000 })
        .toBe('br');
      const plain = await httpGet(appURL(baseURL!), path, { 'accept-encoding': 'identity' });
      expect(plain.status, path).toBe(200);
      expect(plain.headers['set-cookie'], path).toBeUndefined();
      expect(plain.headers['x-middleware-rewrite'], path).toBeUndefined();
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.headers.etag, path).toMatch(/^"[\w-]+"$/);
      expect(plain.headers['cache-control'], path).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
      const vary = plain.headers.vary ?? '';
      expect(vary, path).toContain('Accept-Encoding');
      expect(vary, path).not.toMatch(/cookie|accept-language/i);

      const brotli = await httpGet(appURL(baseURL!), path, { 'accept-encoding': 'gzip, deflate, br' });
      const gzip = await httpGet(appURL(baseURL!), path, { 'accept-encoding': 'gzip' });
      expect(brotli.headers['content-encoding'], path).toBe('br');
      expect(gzip.headers['content-encoding'], path).toBe('gzip');
      expect(brotliDecompressSync(brotli.body).equals(plain.body), path).toBe(true);
      expect(gunzipSync(gzip.body).equals(plain.body), path).toBe(true);
      expect(brotli.body.length, path).toBeLessThan(plain.body.length / 4);
      expect(brotli.headers.etag, path).not.toBe(plain.headers.etag);

      for (const sent of [plain, brotli]) {
        const revalidated = await httpGet(appURL(baseURL!), path, { 'accept-encoding': 'gzip, deflate, br', 'if-none-match': sent.headers.etag! });
        expect(revalidated.status, path).toBe(304);
        expect(revalidated.body.length, path).toBe(0);
        expect(revalidated.headers.etag, path).toBe(brotli.headers.etag);
        expect(revalidated.headers['content-security-policy'], path).toBe(brotli.headers['content-security-policy']);
      }
      const changed = await httpGet(appURL(baseURL!), path, { 'if-none-match': '"something-else"' });
      expect(changed.status, path).toBe(200);

      const head = await httpGet(appURL(baseURL!), path, {}, 'HEAD');
      expect(head.status, path).toBe(200);
      expect(head.headers.etag, path).toBe(plain.headers.etag);
    }
  });

  test('public JSON: no cookie, an ETag and 304, shared caches may keep it briefly', async ({ baseURL }) => {
    await expect.poll(async () => (await httpGet(appURL(baseURL!), '/api/cases')).headers.etag, { timeout: 30_000 }).toMatch(/^"[\w-]+"/);
    const answer = await httpGet(appURL(baseURL!), '/api/cases', { 'accept-encoding': 'identity' });
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+/);
    expect(JSON.parse(answer.body.toString('utf8')).cases.length).toBeGreaterThan(0);
    const revalidated = await httpGet(appURL(baseURL!), '/api/cases', { 'accept-encoding': 'identity', 'if-none-match': answer.headers.etag! });
    expect(revalidated.status).toBe(304);
  });

  test('a stored page allows only Next’s own inline scripts, by hash; a staff page is rendered with a fresh nonce', async ({ baseURL }) => {
    const stored = await httpGet(appURL(baseURL!), CASE);
    const scriptSrc = /script-src ([^;]+)/.exec(stored.headers['content-security-policy'] as string)![1]!;
    expect(scriptSrc).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
    const html = stored.body.toString('utf8');
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((match) => !/\ssrc=/.test(match[1]!));
    // One hash for each distinct inline script, and every inline script is one of Next's.
    expect(scriptSrc.split(' ').length - 1).toBe(new Set(inline.map((match) => match[2])).size);

    const first = await httpGet(appURL(baseURL!), '/login');
    const second = await httpGet(appURL(baseURL!), '/login');
    const nonceOf = (answer: typeof first) => /'nonce-([^']+)'/.exec(answer.headers['content-security-policy'] as string)?.[1];
    expect(nonceOf(first)).toBeTruthy();
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(first.headers.etag).toBeUndefined();
    expect(first.headers['cache-control']).toMatch(/no-store|private/);
  });

  test('the case page runs under its policy and its sign form lists the countries once live', async ({ page, baseURL }) => {
    const violations = watchForCspViolations(page);
    const html = (await httpGet(appURL(baseURL!), CASE)).body.toString('utf8');
    // The country names are not in the page's HTML; the form lists them in the browser.
    expect(html).not.toContain('>Zimbabwe<');
    await page.goto(CASE);
    await expect(page.locator('#sign-country option[value="ZW"]')).toHaveCount(1);
    expect(await page.locator('#sign-country option').count()).toBeGreaterThan(200);
    expect(violations).toEqual([]);
  });
});
