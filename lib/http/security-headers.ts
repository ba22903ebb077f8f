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
  nonce: string;
  /** sha256 sources ('sha256-…') of the inline scripts of a cached page, which carry no nonce. */
  scriptHashes?: string[];
  frameable?: boolean;
  development?: boolean;
}

export function contentSecurityPolicy({ nonce, scriptHashes = [], frameable = false, development = false }: PolicyInput): string {
  const scriptSources = [
    "'self'",
    `'nonce-${nonce}'`,
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

/** Hashes of every inline script in an HTML document, as CSP sources. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (/\ssrc\s*=/i.test(attributes) || body.length === 0) continue;
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
