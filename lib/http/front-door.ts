/**
 * What every request meets before Next.js (server.ts calls it first):
 * - an id (lib/observability/request-id.ts), and its count and latency by route in the metrics;
 * - `GET /api/health/live` answered here at once, without Next: the process runs and its event loop turns;
 * - a bound on requests in flight (VIGIL_MAX_REQUESTS_IN_FLIGHT, default 256): past it the answer is 503
 *   with Retry-After at once, so a surge can grow neither the wait nor the memory without limit.
 *   Readiness (`/api/health`) and metrics are exempt, so a load balancer sees "unready", not a timeout.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { metrics } from '@/lib/observability/metrics';
import { newRequestId, REQUEST_ID_HEADER } from '@/lib/observability/request-id';
import { routeLabel } from '@/lib/observability/route-label';
import { processShared } from '@/lib/runtime/process-shared';

export const MAX_REQUESTS_IN_FLIGHT = Number(process.env.VIGIL_MAX_REQUESTS_IN_FLIGHT ?? 256);
const SHED_RETRY_AFTER_SECONDS = 2;
const EXEMPT = new Set(['/api/health', '/api/metrics']);

const load = () => processShared('frontDoor', () => ({ inFlight: 0 }));

/** Requests being handled now against the bound, for readiness. */
export function instanceLoad(): { inFlight: number; max: number } {
  return { inFlight: load().inFlight, max: MAX_REQUESTS_IN_FLIGHT };
}

/** True when the request should go on to Next; false when it was answered here. */
export function frontDoor(request: IncomingMessage, response: ServerResponse): boolean {
  const started = process.hrtime.bigint();
  const id = newRequestId(request.headers[REQUEST_ID_HEADER]);
  request.headers[REQUEST_ID_HEADER] = id;
  response.setHeader('X-Request-Id', id);
  const pathname = (request.url ?? '/').split('?')[0]!;
  const route = routeLabel(pathname);
  const method = request.method ?? 'GET';
  const state = load();
  const { httpRequests, httpDuration, httpInFlight, httpShed } = metrics();
  response.once('close', () => {
    httpRequests.inc({ route, method, status: String(response.statusCode) });
    httpDuration.observe({ route, method }, Number(process.hrtime.bigint() - started) / 1e9);
  });

  if (pathname === '/api/health/live') {
    answer(response, 200, { status: 'live' });
    return false;
  }
  if (state.inFlight >= MAX_REQUESTS_IN_FLIGHT && !EXEMPT.has(pathname)) {
    httpShed.inc({ route });
    // The body may still be arriving: answer, and close the connection rather than read it.
    response.setHeader('Retry-After', String(SHED_RETRY_AFTER_SECONDS));
    response.setHeader('Connection', 'close');
    answer(response, 503, { error: 'unavailable', reason: 'instance_full', retryAfterSeconds: SHED_RETRY_AFTER_SECONDS });
    return false;
  }
  state.inFlight++;
  httpInFlight.set(state.inFlight);
  response.once('close', () => {
    state.inFlight--;
    httpInFlight.set(state.inFlight);
  });
  return true;
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}
