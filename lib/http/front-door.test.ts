import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { frontDoor, MAX_REQUESTS_IN_FLIGHT } from './front-door';

let server: Server;
let base: string;
const held: (() => void)[] = [];

beforeAll(async () => {
  // Behind the front door, an app that is stuck: every request hangs until the test lets it go.
  server = createServer((request, response) => {
    if (!frontDoor(request, response)) return;
    held.push(() => response.end('done'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const release of held) release();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('answers liveness at once and refuses work past the bound with 503 and Retry-After, while the app is stuck', async () => {
  const stuck = Array.from({ length: MAX_REQUESTS_IN_FLIGHT }, () => fetch(`${base}/api/petitions/p/signatures`, { method: 'POST', body: '{}' }));
  while (held.length < MAX_REQUESTS_IN_FLIGHT) await new Promise((resolve) => setTimeout(resolve, 10));

  const started = Date.now();
  const live = await fetch(`${base}/api/health/live`);
  expect(live.status).toBe(200);
  expect(await live.json()).toEqual({ status: 'live' });
  expect(live.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(Date.now() - started).toBeLessThan(1_000);

  const refused = await fetch(`${base}/api/petitions/p/signatures`, { method: 'POST', body: '{}', headers: { 'X-Request-Id': 'proxy-given-id-1' } });
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('2');
  expect(refused.headers.get('x-request-id')).toBe('proxy-given-id-1');
  expect(await refused.json()).toMatchObject({ error: 'unavailable', reason: 'instance_full' });
  expect(held).toHaveLength(MAX_REQUESTS_IN_FLIGHT);

  // Once the app answers, the door opens again.
  for (const release of held.splice(0)) release();
  await Promise.all(stuck);
  const after = fetch(`${base}/api/cases`);
  while (held.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
  held.pop()!();
  expect((await after).status).toBe(200);
});
