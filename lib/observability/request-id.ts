/**
 * Every request gets an id (the proxy's X-Request-Id when it sends a sane one), set by the front door
 * (lib/http/front-door.ts) on the request for the app and on the response for the client. Logs carry it
 * and error references are it, so a reference a visitor quotes finds its log line.
 */
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

export function newRequestId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && /^[A-Za-z0-9._:-]{8,80}$/.test(incoming) ? incoming : randomUUID();
}

/** The request's id inside a route handler (the front door set it). */
export function requestId(headers: Headers): string {
  return headers.get(REQUEST_ID_HEADER) ?? randomUUID();
}
