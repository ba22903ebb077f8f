import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';

describe('secret box (AES-256-GCM)', () => {
  it('opens what it sealed, for the same purpose and owner only', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', 'totp-secret-encryption', 'user:1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(sealed, 'totp-secret-encryption', 'user:1')).toBe('JBSWY3DPEHPK3PXP');
    expect(open(sealed, 'totp-secret-encryption', 'user:2')).toBeNull();
    expect(open(sealed, 'totp-enrollment', 'user:1')).toBeNull();
  });

  it('refuses an altered ciphertext', () => {
    const sealed = seal('secret', 'totp-secret-encryption', 'user:1');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(open(parts.join('.'), 'totp-secret-encryption', 'user:1')).toBeNull();
    expect(open('garbage', 'totp-secret-encryption', 'user:1')).toBeNull();
  });

  it('uses a fresh IV each time', () => {
    expect(seal('same', 'totp-secret-encryption', 'a')).not.toBe(seal('same', 'totp-secret-encryption', 'a'));
  });
});
