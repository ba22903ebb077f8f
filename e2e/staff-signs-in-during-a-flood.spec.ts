/**
 * Someone floods the sign-in form from one address, guessing an organizer's password and spraying
 * other accounts, with forged headers. The guesser is stopped; the organizer, at their own address
 * behind the same proxy, signs in as usual, and their session names the address they really came from.
 */
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { PROXY_CONNECTS_FROM } from './support/proxied-servers';
import { E2E_ORGANIZER, signIn } from './support/staff-accounts';

const GUESSER = '127.0.0.41';

interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function exchange(baseURL: string, path: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Exchange> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: url.port, path, method: options.method ?? 'GET', localAddress: GUESSER, agent: false, headers: { host: url.host, ...options.headers } },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** One attempt through next-auth's credentials endpoint, as a script would make it; returns the form's error code. */
async function attempt(baseURL: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string | null> {
  const csrf = await exchange(baseURL, '/api/auth/csrf', { headers });
  const cookie = (csrf.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await exchange(baseURL, '/api/auth/callback/credentials', {
    method: 'POST',
    body: new URLSearchParams({ email, password, code: '', csrfToken, json: 'true' }).toString(),
    headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded', origin: new URL(baseURL).origin },
  });
  const { url } = JSON.parse(answer.body) as { url: string };
  return new URL(url).searchParams.get('error');
}

test('a flood of guesses from one address stops the guesser and locks nobody else out', async ({ page, baseURL }) => {
  for (let guess = 0; guess < 12; guess++) {
    expect(await attempt(baseURL!, E2E_ORGANIZER.email, `guess ${guess}`)).toMatch(/^(invalid_credentials|throttled:\d+)$/);
  }
  for (let guess = 0; guess < 30; guess++) {
    await attempt(baseURL!, `sprayed-${guess}@vigil.test`, 'Winter2025!');
  }
  // Even the right password is refused from the guesser's address, whatever it claims to be.
  expect(await attempt(baseURL!, E2E_ORGANIZER.email, E2E_ORGANIZER.password)).toMatch(/^throttled:\d+$/);
  expect(await attempt(baseURL!, E2E_ORGANIZER.email, E2E_ORGANIZER.password, { 'X-Forwarded-For': '198.51.100.80' })).toMatch(/^throttled:\d+$/);
  expect(await attempt(baseURL!, E2E_ORGANIZER.email, E2E_ORGANIZER.password, { 'X-Vigil-Client-Address': '198.51.100.81' })).toMatch(/^throttled:\d+$/);

  // The organizer, at loopback (IPv4 or IPv6, as the browser resolves localhost) behind the same proxy, signs in as any day.
  await signIn(page, E2E_ORGANIZER);
  await page.goto('/admin/account');
  const sessions = page.getByRole('main');
  await expect(sessions).toContainText(/· (::1|127\.0\.0\.1) ·/);
  // Their session is recorded at their own address, not the proxy's nor the guesser's.
  await expect(sessions).not.toContainText(PROXY_CONNECTS_FROM);
  await expect(sessions).not.toContainText(GUESSER);
});
