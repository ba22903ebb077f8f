import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './normalise-email';

describe('normaliseEmail', () => {
  it('ignores case and surrounding space everywhere', () => {
    expect(normaliseEmail('  Min.Ji@Example.ORG ').normalised).toBe('min.ji@example.org');
  });

  it('folds Gmail dots, +tags and googlemail.com into one mailbox', () => {
    const variants = ['minji.kim@gmail.com', 'MinjiKim@gmail.com', 'm.i.n.j.i.k.i.m+petition@gmail.com', 'minjikim+x+y@googlemail.com'];
    expect(new Set(variants.map((email) => normaliseEmail(email).normalised))).toEqual(new Set(['minjikim@gmail.com']));
  });

  it('drops +tags but keeps dots at other big providers, and leaves unknown domains alone', () => {
    expect(normaliseEmail('min.ji+news@outlook.com').normalised).toBe('min.ji@outlook.com');
    expect(normaliseEmail('min.ji+news@naver.com').normalised).toBe('min.ji@naver.com');
    expect(normaliseEmail('min.ji+news@example.org').normalised).toBe('min.ji+news@example.org');
    expect(normaliseEmail('a.b@example.org').normalised).not.toBe(normaliseEmail('ab@example.org').normalised);
  });

  it('reports the domain as typed (lower case), for the blocklist and the figures', () => {
    expect(normaliseEmail('x@Mail.Example.org').domain).toBe('mail.example.org');
    expect(normaliseEmail('x@googlemail.com').domain).toBe('googlemail.com');
  });
});
