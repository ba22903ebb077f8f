import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, inlineScriptHashes, isFrameablePath } from './security-headers';

describe('content security policy', () => {
  it('allows scripts from this origin, the nonce and given hashes only; never unsafe-inline', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc', scriptHashes: ['sha256-xyz'] });
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc' 'sha256-xyz'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/https?:\/\//);
  });

  it('adds unsafe-eval only in development, and lets only the embed pages be framed', () => {
    expect(contentSecurityPolicy({ nonce: 'n' })).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy({ nonce: 'n', development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n', frameable: true })).toContain('frame-ancestors *');
    expect(isFrameablePath('/embed/petitions/x')).toBe(true);
    expect(isFrameablePath('/ko/embed/petitions/x')).toBe(true);
    expect(isFrameablePath('/cases/embed')).toBe(false);
    expect(isFrameablePath('/embedded')).toBe(false);
  });

  it('makes a fresh nonce each time', () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(Buffer.from(createNonce(), 'base64').length).toBeGreaterThanOrEqual(16);
  });

  it('hashes each distinct inline script exactly as the browser does, and ignores external ones', () => {
    const inline = 'self.__next_f.push([1,"a<b"])';
    const html = `<html><script src="/_next/a.js" async></script><script>${inline}</script><script>${inline}</script><script nonce="x">other()</script></html>`;
    const expected = `sha256-${createHash('sha256').update(inline).digest('base64')}`;
    expect(inlineScriptHashes(html)).toEqual([
      expected,
      `sha256-${createHash('sha256').update('other()').digest('base64')}`,
    ]);
  });
});
