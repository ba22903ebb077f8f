/**
 * An abuser tries to pass for many people by sending headers; a supporter behind the proxy and one
 * reaching the server directly are each known by their own address. Through the real nginx in front
 * of the production server (e2e/support/reverse-proxy.ts), which the server lists as its only proxy.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { appURL } from './support/proxied-servers';
import { signFrom } from './support/sign-from';

const SLUG = 'mother-and-son-returned-2017';
// Distinct per engine and per run, so the addresses' windows start empty.
const email = (who: string) => `${who}-${randomBytes(4).toString('hex')}@example.org`;

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

test('behind the proxy, a forged header gains no quota, and each real address has its own', async ({ baseURL }) => {
  const proxy = baseURL!;
  // The first signature from 127.0.0.21 uses its address's minute.
  expect((await signFrom(proxy, SLUG, { from: '127.0.0.21', email: email('first') })).status).toBe(202);
  expect((await signFrom(proxy, SLUG, { from: '127.0.0.21', email: email('second') })).status).toBe(429);
  for (const headers of FORGED) {
    const answer = await signFrom(proxy, SLUG, { from: '127.0.0.21', email: email('forged'), headers });
    expect(answer.status, JSON.stringify(headers)).toBe(429);
  }
  // Another supporter behind the same proxy: the proxy's X-Forwarded-For is believed, so not the proxy's quota.
  expect((await signFrom(proxy, SLUG, { from: '127.0.0.22', email: email('neighbour') })).status).toBe(202);
});

test('a server reached directly limits by the socket address, not one shared "unknown"', async ({ baseURL }) => {
  const direct = appURL(baseURL!);
  expect((await signFrom(direct, SLUG, { from: '127.0.0.31', email: email('direct') })).status).toBe(202);
  for (const headers of FORGED) {
    const answer = await signFrom(direct, SLUG, { from: '127.0.0.31', email: email('direct-forged'), headers });
    expect(answer.status, JSON.stringify(headers)).toBe(429);
  }
  // Nobody else shares that address's quota.
  expect((await signFrom(direct, SLUG, { from: '127.0.0.32', email: email('direct-other') })).status).toBe(202);
});
