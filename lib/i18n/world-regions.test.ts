import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '@/lib/petitions/vocabulary';
import { nearestListedCountry, placedCountries } from './world-regions';

describe('the nearest listed country', () => {
  it('places every country a signer can choose, once', () => {
    const placed = placedCountries();
    expect(new Set(placed).size).toBe(placed.length);
    expect([...COUNTRY_CODES].filter((code) => !placed.includes(code))).toEqual([]);
  });

  it('is the country itself, else one of its sub-region, else of its continent, else none', () => {
    const listed = ['AU', 'CA', 'CH', 'DE', 'FR', 'GB', 'JP', 'KR', 'US'];
    expect(nearestListedCountry('GB', listed)).toBe('GB');
    expect(nearestListedCountry('NL', listed)).toBe('CH');
    expect(nearestListedCountry('IE', listed)).toBe('GB');
    expect(nearestListedCountry('TW', listed)).toBe('JP');
    expect(nearestListedCountry('TH', listed)).toBe('JP');
    expect(nearestListedCountry('NZ', listed)).toBe('AU');
    expect(nearestListedCountry('MX', listed)).toBe('CA');
    expect(nearestListedCountry('KE', listed)).toBeNull();
    expect(nearestListedCountry('XX', listed)).toBeNull();
  });
});
