import { describe, expect, it } from 'vitest';
import { MAX_DECLARED_BODY_BYTES, MAX_TARGET_LENGTH, malformedRequest } from './malformed-request';

const check = (url: string, host = 'localhost:3000') => malformedRequest({ url, headers: { host } });

describe('malformed requests', () => {
  it('refuses targets that are not a plain path', () => {
    for (const url of ['//', '///', '//:80', '//%', '//@', '//evil.example/x', 'http://x/', '*', '']) {
      expect(check(url), url).toEqual({ status: 400, reason: 'Bad request target' });
    }
  });

  it('refuses broken percent-encoding, NUL and control characters, encoded lone surrogates', () => {
    for (const url of ['/cases/%ff', '/cases/%', '/cases/%zz', '/confirm/%00', '/cases/a%0Ab', '/x?q=%ff', '/cases/%ED%A0%80']) {
      expect(check(url)?.status, url).toBe(400);
    }
  });

  it('refuses over-long targets with 414 and a Host that is no host with 400', () => {
    expect(check(`/${'a'.repeat(MAX_TARGET_LENGTH)}`)?.status).toBe(414);
    expect(check('/', 'a b')?.status).toBe(400);
    expect(check('/', 'x/y')?.status).toBe(400);
    const upload = (length: number) => malformedRequest({ url: '/api/x', headers: { host: 'h', 'content-length': String(length) } });
    expect(upload(MAX_DECLARED_BODY_BYTES + 1)?.status).toBe(413);
    expect(upload(MAX_DECLARED_BODY_BYTES)).toBeNull();
  });

  it('refuses a server action from another origin, not one from this origin', () => {
    const action = (origin?: string) =>
      malformedRequest({ url: '/admin', headers: { host: 'vigil.example', 'next-action': 'abc', ...(origin ? { origin } : {}) } });
    expect(action('https://evil.example')).toEqual({ status: 403, reason: 'Cross-origin server action' });
    expect(action('null')?.status).toBe(403);
    expect(action('https://vigil.example')).toBeNull();
    expect(action()).toBeNull();
  });

  it('refuses a form posted to a page from another origin (a possible server action), not to an API', () => {
    // The fuzzer's find: Next throws (a 500) on a multipart POST to a page whose Origin names another host.
    const post = (url: string, origin: string, contentType = 'multipart/form-data; boundary=x', method = 'POST') =>
      malformedRequest({ url, method, headers: { host: '127.0.0.1:3101', origin, 'content-type': contentType } });
    expect(post('/ko/;~3*#', 'http://localhost')).toEqual({ status: 403, reason: 'Cross-origin server action' });
    expect(post('/cases/x', 'null')?.status).toBe(403);
    expect(post('/cases/x', 'http://127.0.0.1:3101')).toBeNull();
    expect(post('/api/petitions/x/signatures', 'https://evil.example')).toBeNull();
    expect(post('/cases/x', 'https://evil.example', 'application/x-www-form-urlencoded')).toBeNull();
    expect(post('/cases/x', 'https://evil.example', 'multipart/form-data; boundary=x', 'PUT')).toBeNull();
  });

  it('lets ordinary requests through', () => {
    for (const url of ['/', '/ko', '/cases/mother-and-son-returned-2017', '/api/cases?status=detained&q=a%20b+c', '/_next/static/chunks/a.js', '/cases/%EC%9D%B4']) {
      expect(check(url), url).toBeNull();
    }
    expect(check('/', '127.0.0.1:4700')).toBeNull();
    expect(check('/', '[::1]:4700')).toBeNull();
    expect(malformedRequest({ url: '/', headers: {} })).toBeNull();
  });
});
