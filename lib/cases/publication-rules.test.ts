import { describe, expect, it } from 'vitest';
import { consentAllowsPublication } from './publication-rules';

describe('consentAllowsPublication', () => {
  it('needs consent granted, or a recorded reason when consent could not be asked', () => {
    expect(consentAllowsPublication('granted', '')).toBe(true);
    expect(consentAllowsPublication('not_asked', '')).toBe(false);
    expect(consentAllowsPublication('pending', '   ')).toBe(false);
    expect(consentAllowsPublication('not_asked', 'The family cannot be reached.')).toBe(true);
  });

  it('never overrides a family that refused or withdrew', () => {
    expect(consentAllowsPublication('refused', 'We think it is safe.')).toBe(false);
    expect(consentAllowsPublication('withdrawn', 'We think it is safe.')).toBe(false);
  });
});
