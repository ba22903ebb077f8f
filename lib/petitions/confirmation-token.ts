/** Confirmation links: a random token in the mail, only its SHA-256 in the database, valid 7 days. */
import 'server-only';
import { createHash } from 'node:crypto';
import { pooledRandomBytes } from '@/lib/security/random-pool';

export const CONFIRMATION_TTL_DAYS = 7;
/** A second mail for the same signature (signing again) goes out at most this often. */
export const RESEND_INTERVAL_SECONDS = 10 * 60;

export function newConfirmationToken(): string {
  return pooledRandomBytes(32).toString('base64url');
}

export function hashConfirmationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}
