/** Invitation links: a random token in the link, only its SHA-256 in the database. */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { knownLocale, localePrefix } from '@/lib/i18n/locales';

export const INVITATION_TTL_HOURS = 72;

export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The link the invited person opens, e.g. https://vigil.example/ko/invite/<token>. */
export function invitationLink(origin: string, locale: string, token: string): string {
  return `${origin.replace(/\/$/, '')}${localePrefix(knownLocale(locale))}/invite/${token}`;
}
