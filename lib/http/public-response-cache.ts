/**
 * The hot path for public pages and public JSON: the final bytes and headers of a response Next marked
 * as shareable (Cache-Control with s-maxage, no cookie), kept in this process and answered without
 * entering Next, with a strong ETag (304 Not Modified) and gzip and brotli bodies compressed once per
 * entry. A cache of bytes only: an entry lives a few seconds at most, and is dropped as soon as any
 * cache tag expires on any instance (lib/cache/expiry-watch.ts); correctness never depends on it.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { currentGeneration } from '../cache/expiry-watch';

/** An entry is answered from memory at most this long; then Next is asked again (cheaply, from its cache). */
const HOT_ENTRY_MAX_SECONDS = 5;
const MAX_ENTRIES = 500;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Smaller bodies are sent as they are: compressing a count saves nothing. */
const MIN_COMPRESS_BYTES = 1024;

type Encoding = 'br' | 'gzip';

export interface HotEntry {
  key: string;
  /** Headers every answer from this entry carries (security headers included), lower-case names. */
  headers: [string, string][];
  body: Buffer;
  compressed: Partial<Record<Encoding, Buffer>>;
  /** Base of the strong ETag; each encoding has its own tag ("…", "…-br", "…-gz"). */
  tag: string;
  generation: number;
  expiresAt: number;
  bytes: number;
}

/** What a response must look like to be kept: what Next marked shareable, and nothing personal. */
export interface CapturedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

// Request headers that make Next answer with something other than the page's document or JSON.
const NEXT_VARIANT_HEADERS = ['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'];
// Response headers that describe one transfer, not the content; they are set anew on each answer.
const PER_TRANSFER_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'etag',
  'cache-control',
  'vary',
  'set-cookie',
  'x-nextjs-cache',
  'x-middleware-rewrite',
  'x-request-id',
]);

// Response headers set per request before the answer is chosen, kept on answers from an entry.
const EXCHANGE_HEADERS = new Set(['x-request-id']);

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

const store = new Map<string, HotEntry>();
let totalBytes = 0;
// The compressed bodies of the last content seen per key: a refill with the same bytes compresses nothing.
const lastCompressed = new Map<string, { tag: string; compressed: Partial<Record<Encoding, Buffer>> }>();
// One compression at a time in the whole process: a flood of distinct URLs (or Host headers) cannot
// keep the cores busy compressing; a page whose turn has not come is answered by Next meanwhile.
let compressing = false;

/** The key of a request the hot path may answer, or null (queries, RSC requests, methods other than GET/HEAD). */
export function hotKey(request: IncomingMessage): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const target = request.url ?? '';
  if (target.includes('?')) return null;
  for (const name of NEXT_VARIANT_HEADERS) if (request.headers[name] !== undefined) return null;
  // Next builds absolute links (alternate-language Link headers) from these.
  const host = request.headers.host ?? '';
  const forwarded = `${request.headers['x-forwarded-host'] ?? ''}|${request.headers['x-forwarded-proto'] ?? ''}`;
  return `${host}|${forwarded}|${target}`;
}

function headerText(value: OutgoingHttpHeaders[string]): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Seconds shared caches may keep the response, or null when it must not be kept at all. */
export function shareableSeconds(captured: CapturedResponse): number | null {
  if (captured.status !== 200 || captured.body.length > MAX_BODY_BYTES) return null;
  if (captured.headers['set-cookie'] !== undefined) return null;
  const contentType = headerText(captured.headers['content-type']) ?? '';
  if (!/^(text\/html|application\/json)\b/.test(contentType)) return null;
  // A page Next serves stale is being rendered again in the background: wait for the fresh one.
  if (/STALE/i.test(headerText(captured.headers['x-nextjs-cache']) ?? '')) return null;
  const cacheControl = headerText(captured.headers['cache-control']) ?? '';
  if (/\b(private|no-store|no-cache)\b/i.test(cacheControl)) return null;
  const sMaxAge = /\bs-maxage=(\d+)/i.exec(cacheControl);
  if (!sMaxAge) return null;
  const seconds = Number(sMaxAge[1]);
  return seconds > 0 ? seconds : null;
}

/** Cache-Control for shared caches: browsers revalidate (cheap, 304), CDNs keep it as Next said. */
export function publicCacheControl(nextCacheControl: string): string {
  const parts = nextCacheControl
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !/^(public|max-age=\d+)$/i.test(part));
  return ['public', 'max-age=0', ...parts].join(', ');
}

function varyWithEncoding(vary: string | undefined): string {
  const names = (vary ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!names.some((name) => name.toLowerCase() === 'accept-encoding')) names.push('Accept-Encoding');
  return names.join(', ');
}

function strongTag(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 27);
}

/** The encoding to send, by the request's Accept-Encoding (q=0 refuses one) and what the entry has. */
export function chooseEncoding(acceptEncoding: string | undefined, available: Partial<Record<Encoding, Buffer>>): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...parameters] = part.trim().split(';');
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (available.br && wants('br')) return 'br';
  if (available.gzip && (wants('gzip') || (accepted.get('x-gzip') ?? 0) > 0)) return 'gzip';
  return null;
}

const tagFor = (entry: HotEntry, encoding: Encoding | null) =>
  `"${entry.tag}${encoding === 'br' ? '-br' : encoding === 'gzip' ? '-gz' : ''}"`;

/** Whether If-None-Match names this content, in any of its encodings (they are the same page). */
export function matchesTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const value = candidate.trim().replace(/^W\//, '');
    return value === '*' || value === `"${tag}"` || value === `"${tag}-br"` || value === `"${tag}-gz"`;
  });
}

/** Answers from an entry: 304 when the client has it, else its body in the best accepted encoding. */
export function sendEntry(request: IncomingMessage, response: ServerResponse, entry: HotEntry): void {
  const encoding = chooseEncoding(headerText(request.headers['accept-encoding']), entry.compressed);
  const headers: [string, string][] = [...entry.headers, ['etag', tagFor(entry, encoding)]];
  // Only what belongs to this exchange stays (its request id); the rest of the answer is the entry's.
  for (const name of response.getHeaderNames()) if (!EXCHANGE_HEADERS.has(name)) response.removeHeader(name);
  if (matchesTag(headerText(request.headers['if-none-match']), entry.tag)) {
    response.writeHead(304, headers.flat());
    response.end();
    return;
  }
  const body = encoding ? entry.compressed[encoding]! : entry.body;
  if (encoding) headers.push(['content-encoding', encoding]);
  headers.push(['content-length', String(body.length)]);
  response.writeHead(200, headers.flat());
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** The entry for this request if it may be answered from memory now, else null. */
export function findEntry(key: string, now: number = Date.now()): HotEntry | null {
  const entry = store.get(key);
  if (!entry) return null;
  if (entry.expiresAt <= now || entry.generation !== currentGeneration(now)) {
    forget(key);
    return null;
  }
  return entry;
}

function forget(key: string): void {
  const entry = store.get(key);
  if (!entry) return;
  store.delete(key);
  totalBytes -= entry.bytes;
}

function remember(entry: HotEntry): void {
  forget(entry.key);
  store.set(entry.key, entry);
  totalBytes += entry.bytes;
  // Oldest first: a flood of distinct URLs cannot grow memory past the bounds.
  for (const key of store.keys()) {
    if (store.size <= MAX_ENTRIES && totalBytes <= MAX_TOTAL_BYTES) break;
    forget(key);
  }
}

async function compress(body: Buffer): Promise<Partial<Record<Encoding, Buffer>>> {
  if (body.length < MIN_COMPRESS_BYTES) return {};
  const [gz, br] = await Promise.all([
    gzip(body, { level: 9 }),
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
  ]);
  return { gzip: gz, br };
}

export interface EntryInput {
  key: string;
  captured: CapturedResponse;
  sMaxAge: number;
  /** The generation current when the request arrived: a fill that raced with an expiry is not kept. */
  generation: number;
  /** The security headers of this entry (one policy for every answer: its scripts are allowed by hash). */
  securityHeaders: Record<string, string>;
}

/** Builds the entry for a shareable response (answers can be sent from it at once) and keeps it once compressed. */
export function fillEntry({ key, captured, sMaxAge, generation, securityHeaders }: EntryInput, now: number = Date.now()): HotEntry {
  const headers: [string, string][] = [];
  const ownHeaders = new Set(Object.keys(securityHeaders).map((name) => name.toLowerCase()));
  for (const [name, value] of Object.entries(captured.headers)) {
    const text = headerText(value);
    const lowerName = name.toLowerCase();
    if (text === undefined || PER_TRANSFER_HEADERS.has(lowerName) || ownHeaders.has(lowerName)) continue;
    headers.push([lowerName, text]);
  }
  for (const [name, value] of Object.entries(securityHeaders)) headers.push([name.toLowerCase(), value]);
  headers.push(['cache-control', publicCacheControl(headerText(captured.headers['cache-control']) ?? '')]);
  headers.push(['vary', varyWithEncoding(headerText(captured.headers.vary))]);
  const tag = strongTag(captured.body);
  const previous = lastCompressed.get(key);
  const entry: HotEntry = {
    key,
    headers,
    body: captured.body,
    compressed: previous?.tag === tag ? previous.compressed : {},
    tag,
    generation,
    expiresAt: now + Math.min(sMaxAge, HOT_ENTRY_MAX_SECONDS) * 1000,
    bytes: 0,
  };
  const keep = () => {
    if (currentGeneration() !== generation) return;
    entry.bytes = entry.body.length + (entry.compressed.gzip?.length ?? 0) + (entry.compressed.br?.length ?? 0);
    remember(entry);
  };
  if (previous?.tag === tag || captured.body.length < MIN_COMPRESS_BYTES) keep();
  else if (!compressing) {
    // Compressed once, off the event loop; until then this content is answered by Next as before.
    compressing = true;
    compress(captured.body)
      .then((compressed) => {
        entry.compressed = compressed;
        lastCompressed.delete(key);
        lastCompressed.set(key, { tag, compressed });
        while (lastCompressed.size > MAX_ENTRIES) lastCompressed.delete(lastCompressed.keys().next().value!);
        keep();
      })
      .catch((error) => console.error('[vigil] hot cache: compression failed', error))
      .finally(() => {
        compressing = false;
      });
  }
  return entry;
}
