/**
 * Signers' network addresses are never stored: only a keyed hash (HMAC with a key derived from
 * VIGIL_SECRET_KEY), enough to count attempts per address and to invalidate a flood from one, and
 * useless to anyone who reads the database without the key.
 */
import 'server-only';
import { createHmac } from 'node:crypto';
import { deriveKey } from '@/lib/security/secret-key';

let key: Buffer | undefined;

export function hashAddress(ip: string): string {
  key ??= deriveKey('signer-address-hashing');
  return createHmac('sha256', key).update(ip.trim().toLowerCase(), 'utf8').digest('hex').slice(0, 32);
}
