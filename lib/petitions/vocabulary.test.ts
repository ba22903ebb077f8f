import { describe, expect, it } from 'vitest';
import { publicFirstName, toPublicSigner } from './public';
import { signingRefusal } from './find-signing-petition';
import { COUNTRY_CODES, countryFromLanguage } from './vocabulary';

describe('petition vocabularies', () => {
  it('list each country once', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
  });

  it('preselect the country a browser language most likely means', () => {
    expect(countryFromLanguage('ko')).toBe('KR');
    expect(countryFromLanguage('ko-KR')).toBe('KR');
    expect(countryFromLanguage('en-GB')).toBe('GB');
    expect(countryFromLanguage('ja')).toBe('JP');
    expect(countryFromLanguage('not a language')).toBe('');
    expect(countryFromLanguage(undefined)).toBe('');
  });
});

describe('signers in public', () => {
  it('show anonymous signers not at all, and named ones by first name only', () => {
    expect(toPublicSigner({ name: 'Min-ji Kim', country: 'KR', display: 'anonymous' })).toBeNull();
    expect(toPublicSigner({ name: 'Min-ji Kim', country: 'KR', display: 'first_name_country' })).toEqual({ firstName: 'Min-ji', country: 'KR' });
    expect(toPublicSigner({ name: null, country: 'KR', display: 'first_name_country' })).toBeNull();
  });

  it('never show a Korean family name written without spaces', () => {
    expect(publicFirstName('김민지')).toBe('민지');
    expect(publicFirstName(' 이 태원 ')).toBe('이');
    expect(publicFirstName('Madonna')).toBe('Madonna');
  });
});

describe('signingRefusal', () => {
  const now = new Date('2026-01-10T00:00:00Z');
  it('says why a petition takes no signatures', () => {
    expect(signingRefusal({ status: 'open', opensAt: null, closesAt: null }, false, now)).toBeNull();
    expect(signingRefusal({ status: 'open', opensAt: new Date('2026-02-01'), closesAt: null }, false, now)).toBe('not_open_yet');
    expect(signingRefusal({ status: 'open', opensAt: null, closesAt: new Date('2026-01-01') }, false, now)).toBe('closed');
    expect(signingRefusal({ status: 'open', opensAt: null, closesAt: null }, true, now)).toBe('site_paused');
    expect(signingRefusal({ status: 'paused', opensAt: null, closesAt: null }, false, now)).toBe('paused');
    expect(signingRefusal({ status: 'delivered', opensAt: null, closesAt: null }, true, now)).toBe('closed');
  });
});
