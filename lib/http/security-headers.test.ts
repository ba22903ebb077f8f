import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, isFrameablePath, isNextInlineScript, nextInlineScriptHashes } from './security-headers';

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

  it('hashes each distinct inline script of Next exactly as the browser does, and ignores external ones', () => {
    const inline = 'self.__next_f.push([1,"a\\u003cb"])';
    const bootstrap = '(self.__next_f=self.__next_f||[]).push([0])';
    const html = `<html><script src="/_next/a.js" async></script><script>${bootstrap}</script><script>${inline}</script><script>${inline}</script></html>`;
    const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    expect(nextInlineScriptHashes(html)).toEqual([hash(bootstrap), hash(inline)]);
  });

  it('never allows an inline script that is not Next’s own, even one dressed like it', () => {
    const injected = [
      'alert(1)',
      'self.__next_f.push([1,"x"]);alert(1)',
      'self.__next_f.push([1,"x"],alert(1))',
      'self.__next_f.push([1,alert(1)])',
      'self.__next_f.push([1,"x"]) ',
      '(self.__next_f=self.__next_f||[]).push([0]);alert(1)',
      'self.__next_f.push([9,"x"])',
    ];
    for (const script of injected) expect(isNextInlineScript(script), script).toBe(false);
    const html = injected.map((script) => `<script>${script}</script>`).join('');
    expect(nextInlineScriptHashes(html)).toEqual([]);
    expect(isNextInlineScript('(self.__next_f=self.__next_f||[]).push([0]);self.__next_f.push([2,null])')).toBe(true);
    expect(isNextInlineScript('self.__next_f.push([3,"AAEC"])')).toBe(true);
    const chunks = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a-1.js"],"runtimeModuleIds":[94553]});';
    expect(isNextInlineScript(chunks)).toBe(true);
    expect(isNextInlineScript(chunks.replace('"runtimeModuleIds"', '"x":alert(1),"runtimeModuleIds"'))).toBe(false);
    expect(isNextInlineScript(chunks.replace('static/chunks/a-1.js', 'https://evil.example/a.js'))).toBe(false);
  });

  it('omits the nonce from the policy of a stored page', () => {
    expect(contentSecurityPolicy({ scriptHashes: ['sha256-xyz'] })).toContain("script-src 'self' 'sha256-xyz';");
  });
});
