/**
 * Wraps a Node response so that every response gets the security headers, with a fresh nonce.
 * HTML is held until complete so that Next's own inline scripts of a cached page (rendered once,
 * without this request's nonce) can be allowed by their hashes, and nothing else inline: no
 * 'unsafe-inline', and pages still come from cache. A whole held response is offered to `onComplete`
 * (the public bytes cache), which may answer it itself.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import {
  baseSecurityHeaders,
  contentSecurityPolicy,
  createNonce,
  isFrameablePath,
  nextInlineScriptHashes,
} from './security-headers';

type Chunk = string | Buffer | Uint8Array;

/** Headers Next uses between its own layers, which no client needs (a rewrite target repeats the path). */
const INTERNAL_HEADERS = ['x-middleware-rewrite'];

export interface CompletedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface SecurityHeaderOptions {
  development?: boolean;
  /** Hold JSON responses whole too (for the public bytes cache); HTML is always held. */
  holdJson?: boolean;
  /** Called with a whole held response; returns true when it has answered the request itself. */
  onComplete?: (completed: CompletedResponse) => boolean;
}

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
}

/** The headers of writeHead(status, [reason], [headers]), with headers as an object or a flat array. */
function headArguments(args: unknown[]): { status: number; headers: OutgoingHttpHeaders } {
  const headers: OutgoingHttpHeaders = {};
  for (const argument of args.slice(1)) {
    if (Array.isArray(argument)) {
      for (let i = 0; i < argument.length - 1; i += 2) headers[String(argument[i]).toLowerCase()] = argument[i + 1] as string;
    } else if (argument && typeof argument === 'object') {
      for (const [key, value] of Object.entries(argument)) headers[key.toLowerCase()] = value as string;
    }
  }
  return { status: Number(args[0]), headers };
}

function withoutInternalHeaders(args: unknown[]): unknown[] {
  return args.map((argument) => {
    if (Array.isArray(argument)) {
      const kept: unknown[] = [];
      for (let i = 0; i < argument.length - 1; i += 2) {
        if (!INTERNAL_HEADERS.includes(String(argument[i]).toLowerCase())) kept.push(argument[i], argument[i + 1]);
      }
      return kept;
    }
    if (argument && typeof argument === 'object') {
      return Object.fromEntries(Object.entries(argument).filter(([key]) => !INTERNAL_HEADERS.includes(key.toLowerCase())));
    }
    return argument;
  });
}

/**
 * Sets the request's CSP (so Next puts the nonce on the scripts of pages it renders now) and arranges
 * the response's headers. Call before handing the request to Next.
 */
export function applySecurityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  { development = false, holdJson = false, onComplete }: SecurityHeaderOptions = {},
): void {
  const nonce = createNonce();
  const pathname = (request.url ?? '/').split('?')[0]!;
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
  // once the response is known not to be held they simply pass everything on.
  let mode: 'undecided' | 'hold' | 'pass' = 'undecided';
  let pendingHead: unknown[] | null = null;
  let html = false;
  const chunks: Buffer[] = [];

  const writePendingHead = () => {
    for (const name of INTERNAL_HEADERS) response.removeHeader(name);
    if (pendingHead) originalWriteHead(...withoutInternalHeaders(pendingHead));
  };

  const decide = () => {
    if (mode !== 'undecided') return;
    const contentType = String(
      (pendingHead && headArguments(pendingHead).headers['content-type']) ?? response.getHeader('content-type') ?? '',
    );
    html = contentType.startsWith('text/html');
    const json = holdJson && contentType.startsWith('application/json');
    if ((html || json) && request.method !== 'HEAD') {
      mode = 'hold';
      return;
    }
    mode = 'pass';
    writePendingHead();
  };

  response.writeHead = ((...args: unknown[]) => {
    if (mode === 'pass') return originalWriteHead(...withoutInternalHeaders(args));
    pendingHead = args;
    decide();
    return response;
  }) as ServerResponse['writeHead'];
  response.flushHeaders = () => {
    // Held back while the page is held: the policy depends on the whole document.
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
    const done = [chunk, encoding, callback].find((argument) => typeof argument === 'function');
    if (onComplete) {
      const head = pendingHead ? headArguments(pendingHead) : { status: response.statusCode, headers: {} };
      const headers: OutgoingHttpHeaders = { ...response.getHeaders(), ...head.headers };
      if (onComplete({ status: head.status, headers, body })) {
        if (typeof done === 'function') response.once('finish', done as () => void);
        return response;
      }
    }
    if (html) {
      const scriptHashes = nextInlineScriptHashes(body.toString('utf8'));
      response.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce, scriptHashes, frameable, development }));
    }
    writePendingHead();
    return originalEnd(body, done);
  }) as ServerResponse['end'];
}
