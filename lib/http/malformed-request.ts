/**
 * Requests no route can make sense of, refused before Next sees them: a target that is not a plain
 * path ("//", "//@"), broken percent-encoding ("%ff", "%"), control characters ("%00"), an over-long
 * URL (its path would be repeated in several response headers), or a Host header that is no host.
 * Next would throw on some of these (a 500, or no answer at all); each gets a 4xx at once instead.
 * A server action posted from another origin is refused here too (403): Next would throw on it.
 */
import type { IncomingMessage } from 'node:http';

/** Longer targets are refused with 414: the response headers (Link, alternates) repeat the path. */
export const MAX_TARGET_LENGTH = 2048;
/** No form or API of Vigil takes more (server actions stop at 1 MB); routes set lower limits of their own. */
export const MAX_DECLARED_BODY_BYTES = 4 * 1024 * 1024;

export interface Refusal {
  status: 400 | 403 | 413 | 414;
  reason: string;
}

// A host name, IPv4 or bracketed IPv6 address, with an optional port.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
// C0 controls, DEL and C1 controls, raw or after decoding; none belongs in a path or query.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function decodes(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    // Not valid UTF-8 once decoded ("%ff", an encoded lone surrogate) or a '%' not followed by two hex digits.
    return null;
  }
}

function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** Why this request is refused, or null when it is well-formed enough for Next. */
export function malformedRequest(request: Pick<IncomingMessage, 'url' | 'headers' | 'method'>): Refusal | null {
  const target = request.url ?? '';
  if (target.length > MAX_TARGET_LENGTH) return { status: 414, reason: 'URI too long' };
  if (!target.startsWith('/') || target.startsWith('//')) return { status: 400, reason: 'Bad request target' };
  const decoded = decodes(target.replace(/\+/g, ' '));
  if (decoded === null) return { status: 400, reason: 'Bad percent-encoding' };
  if (CONTROL.test(decoded) || hasLoneSurrogate(decoded)) return { status: 400, reason: 'Control character in URL' };
  const host = request.headers.host;
  if (host !== undefined && !HOST.test(host)) return { status: 400, reason: 'Bad Host header' };
  const declaredLength = Number(request.headers['content-length'] ?? 0);
  if (declaredLength > MAX_DECLARED_BODY_BYTES) return { status: 413, reason: 'Request body too large' };
  try {
    new URL(target, `http://${host || 'localhost'}`);
  } catch {
    return { status: 400, reason: 'Bad request target' };
  }
  if (mayBeServerAction(request) && isCrossOrigin(request.headers.origin, request.headers['x-forwarded-host'] ?? host)) {
    return { status: 403, reason: 'Cross-origin server action' };
  }
  return null;
}

/**
 * What Next checks as a possible server action: any request naming an action, and a multipart POST to a
 * page (a form posted without JavaScript). Route handlers under /api/ never run actions.
 */
function mayBeServerAction(request: Pick<IncomingMessage, 'url' | 'headers' | 'method'>): boolean {
  if (request.headers['next-action'] !== undefined) return true;
  const multipart = request.headers['content-type']?.toLowerCase().startsWith('multipart/form-data') ?? false;
  return request.method === 'POST' && multipart && !(request.url ?? '').startsWith('/api/');
}

/** Next's own rule for server actions: an Origin header, when sent, names this host. */
function isCrossOrigin(origin: string | undefined, host: string | string[] | undefined): boolean {
  if (origin === undefined) return false;
  const expected = (Array.isArray(host) ? host[0] : host)?.split(',')[0]?.trim();
  try {
    return new URL(origin).host !== expected;
  } catch {
    return true;
  }
}
