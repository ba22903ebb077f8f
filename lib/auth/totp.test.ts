import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, matchTotpStep, totpCode, totpUri } from './totp';

// RFC 6238 appendix B, SHA-1 key "12345678901234567890"; the RFC's 8-digit values, last six digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('gives the RFC code at t=%i', (seconds, code) => {
    expect(totpCode(RFC_SECRET, Math.floor(seconds / 30))).toBe(code);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it('accepts the current step and one step either side, and nothing further', () => {
    const secret = generateTotpSecret();
    const at = 1_800_000_000_000;
    const step = Math.floor(at / 30_000);
    expect(matchTotpStep(secret, totpCode(secret, step), at)).toBe(step);
    expect(matchTotpStep(secret, totpCode(secret, step - 1), at)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCode(secret, step + 1), at)).toBe(step + 1);
    const farCode = totpCode(secret, step + 3);
    const nearCodes = [step - 1, step, step + 1].map((s) => totpCode(secret, s));
    if (!nearCodes.includes(farCode)) expect(matchTotpStep(secret, farCode, at)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', at)).toBeNull();
    expect(matchTotpStep(secret, '12345', at)).toBeNull();
  });

  it('builds an otpauth URI an authenticator app reads', () => {
    const uri = new URL(totpUri('JBSWY3DPEHPK3PXP', 'ada@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(uri.searchParams.get('issuer')).toBe('Vigil');
    expect(decodeURIComponent(uri.pathname)).toContain('Vigil:ada@example.org');
  });
});
