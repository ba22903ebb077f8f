import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, hotKey, matchesTag, publicCacheControl, shareableSeconds } from './public-response-cache';

const request = (method: string, url: string, headers: Record<string, string> = {}) =>
  ({ method, url, headers: { host: 'localhost', ...headers } }) as unknown as IncomingMessage;
const page = (headers: Record<string, string | string[]>, status = 200) => ({ status, headers, body: Buffer.from('<html></html>') });

describe('what the public bytes cache keeps', () => {
  it('keys plain GET and HEAD requests by host and path, and leaves the rest to Next', () => {
    expect(hotKey(request('GET', '/cases/x'))).toBe('localhost|||/cases/x');
    expect(hotKey(request('HEAD', '/cases/x'))).toBe(hotKey(request('GET', '/cases/x')));
    expect(hotKey(request('GET', '/cases/x', { host: 'other' }))).not.toBe(hotKey(request('GET', '/cases/x')));
    expect(hotKey(request('POST', '/cases/x'))).toBeNull();
    expect(hotKey(request('GET', '/?status=detained'))).toBeNull();
    expect(hotKey(request('GET', '/cases/x', { rsc: '1' }))).toBeNull();
    expect(hotKey(request('GET', '/cases/x', { 'next-action': 'abc' }))).toBeNull();
  });

  it('keeps only what Next marked shareable, without cookies, fresh', () => {
    const shareable = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 's-maxage=60, stale-while-revalidate=60' };
    expect(shareableSeconds(page(shareable))).toBe(60);
    expect(shareableSeconds(page({ ...shareable, 'x-nextjs-cache': 'HIT' }))).toBe(60);
    expect(shareableSeconds(page({ ...shareable, 'x-nextjs-cache': 'STALE' }))).toBeNull();
    expect(shareableSeconds(page({ ...shareable, 'set-cookie': ['a=b'] }))).toBeNull();
    expect(shareableSeconds(page(shareable, 404))).toBeNull();
    expect(shareableSeconds(page({ ...shareable, 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' }))).toBeNull();
    expect(shareableSeconds(page({ ...shareable, 'cache-control': 'no-store' }))).toBeNull();
    expect(shareableSeconds(page({ ...shareable, 'content-type': 'application/pdf' }))).toBeNull();
    expect(shareableSeconds(page({ 'content-type': 'application/json', 'cache-control': 'public, max-age=1, s-maxage=1' }))).toBe(1);
  });

  it('tells browsers to revalidate and shared caches to keep what Next said', () => {
    expect(publicCacheControl('s-maxage=60, stale-while-revalidate=60')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=60');
    expect(publicCacheControl('public, max-age=1, s-maxage=1')).toBe('public, max-age=0, s-maxage=1');
  });

  it('picks brotli, then gzip, by Accept-Encoding, honouring q=0', () => {
    const both = { br: Buffer.from('b'), gzip: Buffer.from('g') };
    expect(chooseEncoding('gzip, deflate, br', both)).toBe('br');
    expect(chooseEncoding('gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('identity', both)).toBeNull();
    expect(chooseEncoding(undefined, both)).toBeNull();
    expect(chooseEncoding('br', {})).toBeNull();
  });

  it('matches If-None-Match against the content in any encoding, weak or strong', () => {
    expect(matchesTag('"abc"', 'abc')).toBe(true);
    expect(matchesTag('"x", "abc-br"', 'abc')).toBe(true);
    expect(matchesTag('W/"abc-gz"', 'abc')).toBe(true);
    expect(matchesTag('*', 'abc')).toBe(true);
    expect(matchesTag('"abcd"', 'abc')).toBe(false);
    expect(matchesTag(undefined, 'abc')).toBe(false);
  });
});
