import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { frontDoor, MAX_REQUESTS_IN_FLIGHT, SHED_EVENT_LOOP_DELAY_MS, SHED_ON_DELAY_MIN_IN_FLIGHT } from './front-door';

let server: Server;
let base: string;
const held: (() => void)[] = [];

beforeAll(async () => {
  // Behind the front door, an app that is stuck: every request hangs until the test lets it go.
  server = createServer((request, response) => {
    // A turn of the event loop that runs long before the request reaches the door (other requests' work).
    const stall = Number(request.headers['x-test-stall-ms'] ?? 0);
    for (const until = performance.now() + stall; performance.now() < until; );
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

/**
 * Fills the app with `n` stuck requests. Sending hundreds at once can make this process's own event loop
 * late, and the door then refuses some (instance_busy): those are sent again until `n` are held.
 */
/** A request sent again while the door answers 503, as a client following Retry-After would (a busy machine makes any loop late). */
const sendUntilAdmitted = (): Promise<Response> =>
  fetch(`${base}/api/petitions/p/signatures`, { method: 'POST', body: '{}' }).then((response) => (response.status === 503 ? sendUntilAdmitted() : response));

async function holdRequests(n: number): Promise<Promise<unknown>[]> {
  const stuck = Array.from({ length: n }, sendUntilAdmitted);
  while (held.length < n) await new Promise((resolve) => setTimeout(resolve, 10));
  return stuck;
}

it('answers liveness at once and refuses work past the bound with 503 and Retry-After, while the app is stuck', async () => {
  const stuck = await holdRequests(MAX_REQUESTS_IN_FLIGHT);

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

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('refuses new work with 503 and Retry-After while the event loop runs late with much in flight, answering liveness all the while', async () => {
  const stall = { 'X-Test-Stall-Ms': String(SHED_EVENT_LOOP_DELAY_MS * 3) };
  await settle(200);

  // Late, but little in flight: a collection or a busy machine, not this work; the request goes on.
  const alone = fetch(`${base}/api/petitions/p/signatures`, { method: 'POST', body: '{}', headers: stall });
  while (held.length < 1) await settle(10);
  held.pop()!();
  expect((await alone).status).toBe(200);

  // Much in flight, and a turn of the loop running long: refused before any work, liveness still answered.
  const stuck = await holdRequests(SHED_ON_DELAY_MIN_IN_FLIGHT);
  await settle(200);
  const refused = await fetch(`${base}/api/petitions/p/signatures`, { method: 'POST', body: '{}', headers: stall });
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('2');
  expect(await refused.json()).toMatchObject({ error: 'unavailable', reason: 'instance_busy', retryAfterSeconds: 2 });
  const live = await fetch(`${base}/api/health/live`, { headers: stall });
  expect(live.status).toBe(200);
  expect(held).toHaveLength(SHED_ON_DELAY_MIN_IN_FLIGHT);

  // Once the loop turns on time again, the same load is let in (on a loaded machine, after a late turn or two).
  await settle(200);
  const admitted = sendUntilAdmitted();
  while (held.length < SHED_ON_DELAY_MIN_IN_FLIGHT + 1) await settle(10);
  for (const release of held.splice(0)) release();
  expect((await admitted).status).toBe(200);
  await Promise.all(stuck);
});

it('never refuses a 50-client closed loop for a late event loop: the 50th request in flight goes on', async () => {
  const stall = { 'X-Test-Stall-Ms': String(SHED_EVENT_LOOP_DELAY_MS * 3) };
  expect(SHED_ON_DELAY_MIN_IN_FLIGHT).toBeGreaterThan(50);
  await settle(200);
  const stuck = await holdRequests(49);
  await settle(200);
  let answered = false;
  const fiftieth = fetch(`${base}/api/petitions/p/signatures`, { method: 'POST', body: '{}', headers: stall }).finally(() => (answered = true));
  // Held by the app (let in), or answered at once (refused).
  while (held.length < 50 && !answered) await settle(10);
  for (const release of held.splice(0)) release();
  expect((await fiftieth).status).toBe(200);
  await Promise.all(stuck);
});
