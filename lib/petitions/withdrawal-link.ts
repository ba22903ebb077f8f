/**
 * The links in every mail to a signer: withdrawal, and stopping news mails while the signature stays.
 * Each is the signature's id and an HMAC of it for that purpose. Nothing is stored, so every mail
 * (confirmation, later updates) can carry the same working links.
 */
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRecordId } from '@/lib/fields/schemas';
import { deriveKey, type KeyPurpose } from '@/lib/security/secret-key';

type LinkPurpose = 'withdraw' | 'news-off';
const KEY_NAMES: Record<LinkPurpose, KeyPurpose> = { withdraw: 'petition-withdrawal-links', 'news-off': 'petition-news-unsubscribe-links' };
const keys = new Map<LinkPurpose, Buffer>();

function mac(purpose: LinkPurpose, signatureId: string): string {
  let key = keys.get(purpose);
  if (!key) keys.set(purpose, (key = deriveKey(KEY_NAMES[purpose])));
  return createHmac('sha256', key).update(`${purpose}:${signatureId}`, 'utf8').digest('base64url').slice(0, 32);
}

function signatureIdFromToken(purpose: LinkPurpose, token: string): string | null {
  const [signatureId, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !isRecordId(signatureId) || !signature || !/^[A-Za-z0-9_-]{32}$/.test(signature)) return null;
  const expected = Buffer.from(mac(purpose, signatureId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? signatureId : null;
}

export function withdrawalToken(signatureId: string): string {
  return `${signatureId}.${mac('withdraw', signatureId)}`;
}

/** The signature id a withdrawal token names, or null when it is forged or malformed. */
export function signatureIdFromWithdrawalToken(token: string): string | null {
  return signatureIdFromToken('withdraw', token);
}

/** The token of the "no more news" link and of the mails' List-Unsubscribe header. */
export function newsUnsubscribeToken(signatureId: string): string {
  return `${signatureId}.${mac('news-off', signatureId)}`;
}

export function signatureIdFromNewsUnsubscribeToken(token: string): string | null {
  return signatureIdFromToken('news-off', token);
}

export function publicLink(origin: string, locale: string, path: string): string {
  const prefix = locale === 'en' ? '' : `/${locale}`;
  return `${origin.replace(/\/$/, '')}${prefix}${path}`;
}
