import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySecurityHeaders } from './apply-security-headers';

const inlineScript = 'self.__next_f.push([1,"payload"])';
let seenRequestPolicy = '';
let baseUrl = '';

// Stands in for Next: answers in the ways Next does (writeHead + chunks, flushHeaders, setHeader + end).
function fakeNext(request: IncomingMessage, response: ServerResponse) {
  seenRequestPolicy = String(request.headers['content-security-policy'] ?? '');
  if (request.url === '/page') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.flushHeaders();
    response.write('<!DOCTYPE html><html><body><script src="/_next/static/app.js" async></script>');
    response.write(Buffer.from(`<script>${inlineScript}</script>`));
    response.end('</body></html>');
  } else if (request.url === '/api') {
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify({ ok: true }));
  } else {
    response.statusCode = 404;
    response.setHeader('Content-Type', 'text/html');
    response.end('<p>not found</p>');
  }
}

const server = createServer((request, response) => {
  applySecurityHeaders(request, response);
  fakeNext(request, response);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('security headers on every response', () => {
  it('allows a page’s inline scripts by hash, with a nonce that changes per request', async () => {
    const first = await fetch(`${baseUrl}/page`);
    const body = await first.text();
    expect(body).toContain(inlineScript);
    const policy = first.headers.get('content-security-policy')!;
    const hash = createHash('sha256').update(inlineScript).digest('base64');
    expect(policy).toContain(`'sha256-${hash}'`);
    expect(policy).not.toContain('unsafe-inline\' ;');
    expect(policy.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');

    const nonceOf = (value: string) => /'nonce-([^']+)'/.exec(value)?.[1];
    // The request Next renders with carries the same nonce as the response.
    expect(nonceOf(seenRequestPolicy)).toBe(nonceOf(policy));
    const second = await fetch(`${baseUrl}/page`);
    expect(nonceOf(second.headers.get('content-security-policy')!)).not.toBe(nonceOf(policy));
  });

  it('passes other responses straight through, still with every header', async () => {
    const response = await fetch(`${baseUrl}/api`);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('keeps the status of error pages', async () => {
    const response = await fetch(`${baseUrl}/missing`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<p>not found</p>');
  });
});
