import { expect, test } from '@playwright/test';
import { watchForCspViolations } from './support/csp';

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

test('public pages, JSON and staff pages carry the security headers; pages rendered now get a new nonce each time', async ({ request }) => {
  for (const path of ['/', '/ko', '/cases/mother-and-son-returned-2017', '/api/cases', '/api/health', '/login', '/.well-known/security.txt']) {
    const first = await request.get(path);
    const second = await request.get(path);
    for (const response of [first, second]) {
      const headers = response.headers();
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      // A stored public answer allows Next's own scripts by hash; anything rendered now has a nonce.
      expect(headers['content-security-policy'], path).toMatch(/script-src 'self' '(nonce|sha256)-|script-src 'self';/);
      expect(headers['content-security-policy'], path).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(headers['strict-transport-security'], path).toContain('max-age=');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
    }
    if (['/api/health', '/login'].includes(path)) {
      expect(nonceOf(first.headers()['content-security-policy']), path).toBeTruthy();
      expect(nonceOf(first.headers()['content-security-policy']), path).not.toBe(
        nonceOf(second.headers()['content-security-policy']),
      );
    }
  }
});

test('a cached page runs its scripts under the policy: the status filter works with no violation', async ({ page }) => {
  const violations = watchForCspViolations(page);
  await page.goto('/');
  await page.goto('/'); // the second visit is served from the page cache
  await page.getByRole('link', { name: 'Detained in China', exact: true }).click();
  await expect(page.getByTestId('case-card')).toHaveCount(1);
  expect(violations).toEqual([]);
});

test('security.txt names a contact and an expiry', async ({ request }) => {
  const response = await request.get('/.well-known/security.txt');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^Contact: (mailto|https):/m);
  expect(new Date(/^Expires: (.+)$/m.exec(text)![1]!).getTime()).toBeGreaterThan(Date.now());
});
