/**
 * The withdrawal link in every mail to a signer: the signature's id and an HMAC of it. Nothing is
 * stored, so every mail (confirmation, later updates) can carry the same working link.
 */
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '@/lib/security/secret-key';

let key: Buffer | undefined;

function mac(signatureId: string): string {
  key ??= deriveKey('petition-withdrawal-links');
  return createHmac('sha256', key).update(`withdraw:${signatureId}`, 'utf8').digest('base64url').slice(0, 32);
}

export function withdrawalToken(signatureId: string): string {
  return `${signatureId}.${mac(signatureId)}`;
}

/** The signature id a withdrawal token names, or null when it is forged or malformed. */
export function signatureIdFromWithdrawalToken(token: string): string | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(mac(match[1]!));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]! : null;
}

export function publicLink(origin: string, locale: string, path: string): string {
  const prefix = locale === 'en' ? '' : `/${locale}`;
  return `${origin.replace(/\/$/, '')}${prefix}${path}`;
}
