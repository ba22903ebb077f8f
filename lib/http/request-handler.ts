/**
 * Every request server.ts receives passes here, in this order: the client's address is decided from the
 * socket and trusted proxies (lib/http/client-address.ts); malformed requests are refused at once
 * (lib/http/malformed-request.ts); the front door gives it an id, counts it, answers liveness and sheds
 * load (lib/http/front-door.ts); a public page or public JSON that this instance holds is answered
 * from memory (lib/http/public-response-cache.ts); everything else goes to Next with the security
 * headers (lib/http/apply-security-headers.ts), and a shareable answer fills the memory on its way out.
 * Whatever throws, the request is answered (or its socket closed): nothing is left hanging.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentGeneration, startExpiryWatch } from '../cache/expiry-watch';
import { applySecurityHeaders, type CompletedResponse } from './apply-security-headers';
import { type ProxyTrust, stampClientAddress } from './client-address';
import { frontDoor } from './front-door';
import { malformedRequest } from './malformed-request';
import { fillEntry, findEntry, hotKey, sendEntry, shareableSeconds } from './public-response-cache';
import { baseSecurityHeaders, contentSecurityPolicy, isFrameablePath, nextInlineScriptHashes } from './security-headers';

type NextHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** A short plain-text answer that needs no rendering: refusals and failures. */
function answerPlain(response: ServerResponse, status: number, text: string): void {
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  response.writeHead(status, {
    ...baseSecurityHeaders(),
    'Content-Security-Policy': contentSecurityPolicy({}),
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function failed(response: ServerResponse, error: unknown): void {
  console.error('[vigil] request failed', error);
  if (!response.headersSent) {
    try {
      answerPlain(response, 500, 'Internal Server Error');
      return;
    } catch {
      // fall through: the socket is closed instead
    }
  }
  response.destroy();
}

/** The security headers of a stored answer: Next's inline scripts allowed by hash, no nonce (none is used). */
function storedSecurityHeaders(request: IncomingMessage, completed: CompletedResponse, development: boolean): Record<string, string> {
  const frameable = isFrameablePath((request.url ?? '/').split('?')[0]!);
  const html = String(completed.headers['content-type'] ?? '').startsWith('text/html');
  const scriptHashes = html ? nextInlineScriptHashes(completed.body.toString('utf8')) : [];
  return { ...baseSecurityHeaders({ frameable }), 'Content-Security-Policy': contentSecurityPolicy({ scriptHashes, frameable, development }) };
}

export function createRequestHandler({ handle, development, trustedProxies }: { handle: NextHandler; development: boolean; trustedProxies: ProxyTrust }) {
  // Development renders every request afresh; the bytes cache is for the production server.
  if (!development) startExpiryWatch();
  return (request: IncomingMessage, response: ServerResponse): void => {
    try {
      // First of all: whatever a client sent, only server.ts states its address (lib/http/client-address.ts).
      stampClientAddress(request, trustedProxies);
      const refusal = malformedRequest(request);
      if (refusal) {
        // An unread body of a refused request is not drained: the connection closes after the answer.
        if (refusal.status === 413) response.shouldKeepAlive = false;
        return answerPlain(response, refusal.status, `${refusal.reason}\n`);
      }
      // The front door's own answers (liveness, 503 when full) carry the security headers too.
      for (const [name, value] of Object.entries(baseSecurityHeaders())) response.setHeader(name, value);
      response.setHeader('Content-Security-Policy', contentSecurityPolicy({}));
      if (!frontDoor(request, response)) return;

      const key = development ? null : hotKey(request);
      const generation = key === null ? null : currentGeneration();
      if (key !== null && generation !== null) {
        const entry = findEntry(key);
        if (entry) return sendEntry(request, response, entry);
      }
      const fill =
        key !== null && generation !== null && request.method === 'GET'
          ? (completed: CompletedResponse) => {
              const sMaxAge = shareableSeconds(completed);
              if (sMaxAge === null) return false;
              const securityHeaders = storedSecurityHeaders(request, completed, development);
              sendEntry(request, response, fillEntry({ key, captured: completed, sMaxAge, generation, securityHeaders }));
              return true;
            }
          : undefined;
      applySecurityHeaders(request, response, { development, holdJson: fill !== undefined, onComplete: fill });
      handle(request, response).catch((error: unknown) => failed(response, error));
    } catch (error) {
      failed(response, error);
    }
  };
}
