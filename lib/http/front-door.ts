/**
 * What every request meets before Next.js (server.ts calls it first):
 * - an id (lib/observability/request-id.ts), and its count and latency by route in the metrics;
 * - `GET /api/health/live` answered here at once, without Next: the process runs and its event loop turns;
 * - a bound on requests in flight (VIGIL_MAX_REQUESTS_IN_FLIGHT, default 256): past it the answer is 503
 *   with Retry-After at once, so a surge can grow neither the wait nor the memory without limit;
 * - a bound on the event loop's delay (VIGIL_SHED_EVENT_LOOP_DELAY_MS, default 50; 0 turns it off): while a
 *   turn of the loop has run longer, and for 100 ms after, with at least a quarter of the bound in flight
 *   (64 of 256), new work is answered 503 with Retry-After before any of it is done (no body read, no
 *   routing, no database), so liveness and the work already taken keep their turn
 *   (lib/http/event-loop-delay.ts).
 *   Readiness (`/api/health`) and metrics are exempt from both, so a load balancer sees "unready", not a timeout.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { metrics } from '@/lib/observability/metrics';
import { newRequestId, REQUEST_ID_HEADER } from '@/lib/observability/request-id';
import { routeLabel } from '@/lib/observability/route-label';
import { processShared } from '@/lib/runtime/process-shared';
import { eventLoopDelayWatch } from './event-loop-delay';

export const MAX_REQUESTS_IN_FLIGHT = Number(process.env.VIGIL_MAX_REQUESTS_IN_FLIGHT ?? 256);
export const SHED_EVENT_LOOP_DELAY_MS = Number(process.env.VIGIL_SHED_EVENT_LOOP_DELAY_MS ?? 50);
// After a turn past the limit, refuse a little longer: the requests that queued behind it arrive next.
const SHED_HOLD_MS = 100;
// A late loop with little in flight is a collection or a busy machine, which refusing work would not
// shorten; with much in flight the work itself makes the turns long. A quarter of the bound (64 of 256),
// not an eighth: at 32, bench:sign's 50 closed-loop clients on a loaded machine were refused 4–7 % of
// their signatures, a loss against the code before this rule; 50 clients that each wait for their answer
// can now never be shed by it.
export const SHED_ON_DELAY_MIN_IN_FLIGHT = Math.ceil(MAX_REQUESTS_IN_FLIGHT / 4);
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
  const delay = eventLoopDelayWatch(SHED_EVENT_LOOP_DELAY_MS, SHED_HOLD_MS);
  const { httpRequests, httpDuration, httpInFlight, httpShed } = metrics();
  response.once('close', () => {
    httpRequests.inc({ route, method, status: String(response.statusCode) });
    httpDuration.observe({ route, method }, Number(process.hrtime.bigint() - started) / 1e9);
  });

  if (pathname === '/api/health/live') {
    answer(response, 200, { status: 'live' });
    return false;
  }
  if (!EXEMPT.has(pathname)) {
    const reason = refusal(state.inFlight, delay);
    if (reason) {
      httpShed.inc({ route, reason });
      // The body may still be arriving: answer, and close the connection rather than read it.
      response.setHeader('Retry-After', String(SHED_RETRY_AFTER_SECONDS));
      response.setHeader('Connection', 'close');
      answer(response, 503, { error: 'unavailable', reason, retryAfterSeconds: SHED_RETRY_AFTER_SECONDS });
      return false;
    }
  }
  state.inFlight++;
  httpInFlight.set(state.inFlight);
  response.once('close', () => {
    state.inFlight--;
    httpInFlight.set(state.inFlight);
  });
  return true;
}

/** Why a request is answered 503 at once, or null when it may go on. */
function refusal(inFlight: number, delay: { delayed(): boolean }): 'instance_full' | 'instance_busy' | null {
  if (inFlight >= MAX_REQUESTS_IN_FLIGHT) return 'instance_full';
  if (SHED_EVENT_LOOP_DELAY_MS > 0 && inFlight >= SHED_ON_DELAY_MIN_IN_FLIGHT && delay.delayed()) return 'instance_busy';
  return null;
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}
