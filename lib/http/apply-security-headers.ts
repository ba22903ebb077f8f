/**
 * Wraps a Node response so that every response gets the security headers, with a fresh nonce.
 * HTML is held until complete so that the inline scripts of cached pages (rendered once, without a
 * nonce) can be allowed by their hashes: no 'unsafe-inline', and pages still come from cache.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  baseSecurityHeaders,
  contentSecurityPolicy,
  createNonce,
  inlineScriptHashes,
  isFrameablePath,
} from './security-headers';

type Chunk = string | Buffer | Uint8Array;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
}

function headerFrom(args: unknown[], name: string): string | undefined {
  // writeHead(status, [reason], [headers]) with headers as an object or a flat array.
  for (const argument of args) {
    if (Array.isArray(argument)) {
      for (let i = 0; i < argument.length - 1; i += 2) {
        if (String(argument[i]).toLowerCase() === name) return String(argument[i + 1]);
      }
    } else if (argument && typeof argument === 'object') {
      for (const [key, value] of Object.entries(argument)) if (key.toLowerCase() === name) return String(value);
    }
  }
  return undefined;
}

/**
 * Sets the request's CSP (so Next puts the nonce on the scripts of pages it renders now) and arranges
 * the response's headers. Call before handing the request to Next.
 */
export function applySecurityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  { development = false }: { development?: boolean } = {},
): void {
  const nonce = createNonce();
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  const frameable = isFrameablePath(pathname);
  // Whatever the client sent, Next reads the nonce from this header when it renders.
  request.headers['content-security-policy'] = contentSecurityPolicy({ nonce, frameable, development });
  for (const [name, value] of Object.entries(baseSecurityHeaders({ frameable }))) response.setHeader(name, value);
  response.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce, frameable, development }));

  const originalWriteHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  const originalWrite = response.write.bind(response) as (...args: unknown[]) => boolean;
  const originalEnd = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  const originalFlushHeaders = response.flushHeaders.bind(response);

  // The wrappers stay in place for the whole response (other code may have wrapped them in turn);
  // once the response is known not to be HTML they simply pass everything on.
  let mode: 'undecided' | 'buffer' | 'pass' = 'undecided';
  let pendingHead: unknown[] | null = null;
  const chunks: Buffer[] = [];

  const decide = () => {
    if (mode !== 'undecided') return;
    const contentType =
      (pendingHead && headerFrom(pendingHead, 'content-type')) ?? String(response.getHeader('content-type') ?? '');
    if (contentType.startsWith('text/html') && request.method !== 'HEAD') {
      mode = 'buffer';
      return;
    }
    mode = 'pass';
    if (pendingHead) originalWriteHead(...pendingHead);
  };

  response.writeHead = ((...args: unknown[]) => {
    if (mode === 'pass') return originalWriteHead(...args);
    pendingHead = args;
    decide();
    return response;
  }) as ServerResponse['writeHead'];
  response.flushHeaders = () => {
    // Held back while the page is buffered: the policy depends on the whole document.
    if (mode === 'pass') originalFlushHeaders();
  };
  response.write = ((chunk: Chunk, encoding?: unknown, callback?: unknown) => {
    decide();
    if (mode === 'pass') return originalWrite(chunk, encoding, callback);
    chunks.push(toBuffer(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as ServerResponse['write'];
  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    decide();
    if (mode === 'pass') return originalEnd(chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
      chunks.push(toBuffer(chunk as Chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined));
    }
    const body = Buffer.concat(chunks);
    mode = 'pass';
    const scriptHashes = inlineScriptHashes(body.toString('utf8'));
    response.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce, scriptHashes, frameable, development }));
    if (pendingHead) originalWriteHead(...pendingHead);
    const done = [chunk, encoding, callback].find((argument) => typeof argument === 'function');
    return originalEnd(body, done);
  }) as ServerResponse['end'];
}
