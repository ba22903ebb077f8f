/**
 * The security headers of every response, and the Content-Security-Policy in particular.
 * Pure functions: server.ts applies them; tests check them. No third-party origin is ever allowed.
 */
import { createHash } from 'node:crypto';
import { pooledRandomBytes } from '@/lib/security/random-pool';

export function createNonce(): string {
  return pooledRandomBytes(18).toString('base64');
}

/** Pages partner sites may put in an iframe (the embeddable sign widget), in any locale. */
export function isFrameablePath(pathname: string): boolean {
  return /^\/(?:[a-z]{2}\/)?embed(?:\/|$)/.test(pathname);
}

export interface PolicyInput {
  /** A fresh nonce for pages rendered now; none for a stored page, whose scripts are allowed by hash. */
  nonce?: string;
  /** sha256 sources ('sha256-…') of Next's own inline scripts in the page (see nextInlineScriptHashes). */
  scriptHashes?: string[];
  frameable?: boolean;
  development?: boolean;
}

export function contentSecurityPolicy({ nonce, scriptHashes = [], frameable = false, development = false }: PolicyInput): string {
  const scriptSources = [
    "'self'",
    ...(nonce ? [`'nonce-${nonce}'`] : []),
    ...scriptHashes.map((hash) => `'${hash}'`),
    // React's development build evaluates code to rebuild server error stacks; never in production.
    ...(development ? ["'unsafe-eval'"] : []),
  ];
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    // Styles may be inline (style attributes); scripts may not.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    frameable ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ].join('; ');
}

/** The value of a JSON text, or undefined when it is not JSON. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const FLIGHT_BOOTSTRAP = '(self.__next_f=self.__next_f||[]).push([0])';
const FLIGHT_PUSH = /^self\.__next_f\.push\((\[[\s\S]*\])\)$/;
const TURBOPACK_CHUNKS = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\((\{[\s\S]*\})\);?$/;

/** The chunk list Turbopack's bootstrap script registers: chunk paths and numeric module ids, nothing else. */
function isChunkList(json: string): boolean {
  const list = parsedJson(json);
  if (!list || typeof list !== 'object' || Array.isArray(list)) return false;
  return Object.entries(list).every(([key, value]) =>
    key === 'otherChunks'
      ? Array.isArray(value) && value.every((chunk) => typeof chunk === 'string' && /^static\/[\w./-]+\.js$/.test(chunk))
      : key === 'runtimeModuleIds'
        ? Array.isArray(value) && value.every((id) => typeof id === 'number')
        : false,
  );
}

/** Whether a JSON array is one of the instructions Next inlines: [1|3, "text"] or [2, form state]. */
function isFlightInstruction(json: string): boolean {
  const instruction = parsedJson(json);
  if (!Array.isArray(instruction) || instruction.length !== 2) return false;
  const [kind, payload] = instruction as [unknown, unknown];
  return ((kind === 1 || kind === 3) && typeof payload === 'string') || kind === 2;
}

/**
 * Whether an inline script is one Next writes into every App Router page: Turbopack's list of the
 * page's chunks, the bootstrap of its flight data and the pushes of that data (JSON, escaped by Next
 * so that it cannot close the tag). Anything else inline (an injected script above all) is not
 * Next's and is never allowed by hash.
 */
export function isNextInlineScript(body: string): boolean {
  if (body === FLIGHT_BOOTSTRAP) return true;
  if (body.startsWith(`${FLIGHT_BOOTSTRAP};`)) return isNextInlineScript(body.slice(FLIGHT_BOOTSTRAP.length + 1));
  const push = FLIGHT_PUSH.exec(body);
  if (push) return isFlightInstruction(push[1]!);
  const chunks = TURBOPACK_CHUNKS.exec(body);
  return chunks ? isChunkList(chunks[1]!) : false;
}

/** Hashes of Next's own inline scripts in an HTML document (isNextInlineScript), as CSP sources. */
export function nextInlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (/\ssrc\s*=/i.test(attributes) || !isNextInlineScript(body)) continue;
    hashes.add(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

/** Headers every response carries, whatever its kind. */
export function baseSecurityHeaders({ frameable = false }: { frameable?: boolean } = {}): Record<string, string> {
  return {
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    // Nothing about a visit leaks to another site through the Referer header.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(frameable ? {} : { 'X-Frame-Options': 'DENY' }),
  };
}
