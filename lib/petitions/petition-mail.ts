/**
 * The mails a signer receives, in the language they signed in (texts in messages/<locale>/petitions.json),
 * and the links they carry. The confirmation link is a random token; only its SHA-256 is stored and it
 * works for CONFIRMATION_TTL_DAYS. The withdrawal and stop-news links are the signature's id and an HMAC
 * of it for that purpose: nothing is stored, so every mail (confirmation, later news) carries the same
 * working links.
 */
import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createTranslator } from 'use-intl/core';
import { isRecordId } from '@/lib/fields/schemas';
import { messageCatalog } from '@/lib/i18n/catalogs';
import { knownLocale, type Locale, localePrefix } from '@/lib/i18n/locales';
import type { OutgoingMail } from '@/lib/mail/enqueue-mail';
import { pooledRandomBytes } from '@/lib/security/random-pool';
import { deriveKey, type KeyPurpose } from '@/lib/security/secret-key';

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
  return `${origin.replace(/\/$/, '')}${localePrefix(knownLocale(locale))}${path}`;
}

function makeTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messageCatalog(locale, 'petitions'), namespace: 'petitionMail' });
}

// Made once per language: parsing the messages for every mail would cost more than sending it.
const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();

function translator(locale: string) {
  const known = knownLocale(locale);
  let t = translators.get(known);
  if (!t) translators.set(known, (t = makeTranslator(known)));
  return { t, locale: known };
}

export interface Recipient {
  signatureId: string;
  email: string;
  locale: string;
}

function withdrawLink(origin: string, recipient: Recipient, locale: string): string {
  return publicLink(origin, locale, `/withdraw/${withdrawalToken(recipient.signatureId)}`);
}

/** The page that stops news mails and keeps the signature (a person clicks it in the text). */
function newsOffLink(origin: string, recipient: Recipient, locale: string): string {
  return publicLink(origin, locale, `/unsubscribe/${newsUnsubscribeToken(recipient.signatureId)}`);
}

/** The List-Unsubscribe URL: a mail client POSTs "List-Unsubscribe=One-Click" to it (RFC 8058). */
export function oneClickUnsubscribeUrl(origin: string, signatureId: string): string {
  return `${origin.replace(/\/$/, '')}/api/petitions/news-off/${newsUnsubscribeToken(signatureId)}`;
}

// Under a surge every signature gets a confirmation mail that differs from the others only in its two
// links: the text is formatted once per language, petition title and site, with markers where the
// links go (NUL cannot occur in a title: Postgres text never holds it), and the links are put in.
const CONFIRM_LINK = '\u0000confirm\u0000';
const WITHDRAW_LINK = '\u0000withdraw\u0000';
const NEWS_OFF_LINK = '\u0000news-off\u0000';
const confirmationTemplates = new Map<string, { subject: string; text: string }>();

function confirmationTemplate(locale: Locale, petitionTitle: string): { subject: string; text: string } {
  const cacheKey = `${locale}\u0000${petitionTitle}`;
  let template = confirmationTemplates.get(cacheKey);
  if (!template) {
    const { t } = translator(locale);
    template = {
      subject: t('confirmSubject', { title: petitionTitle }),
      text: t('confirmBody', { title: petitionTitle, days: CONFIRMATION_TTL_DAYS, confirmLink: CONFIRM_LINK, withdrawLink: WITHDRAW_LINK, newsOffLink: NEWS_OFF_LINK }),
    };
    if (confirmationTemplates.size >= 200) confirmationTemplates.clear();
    confirmationTemplates.set(cacheKey, template);
  }
  return template;
}

export function confirmationMail(recipient: Recipient, petitionTitle: string, token: string, origin: string): OutgoingMail {
  const { locale } = translator(recipient.locale);
  const template = confirmationTemplate(locale, petitionTitle);
  return {
    to: recipient.email,
    subject: template.subject,
    text: template.text
      .replaceAll(CONFIRM_LINK, () => publicLink(origin, locale, `/confirm/${token}`))
      .replaceAll(WITHDRAW_LINK, () => withdrawLink(origin, recipient, locale))
      .replaceAll(NEWS_OFF_LINK, () => newsOffLink(origin, recipient, locale)),
    listUnsubscribe: oneClickUnsubscribeUrl(origin, recipient.signatureId),
  };
}

/** Signing again after confirming: the same answer on screen, and this mail to the address's owner. */
export function alreadySignedMail(recipient: Recipient, petitionTitle: string, origin: string): OutgoingMail {
  const { t, locale } = translator(recipient.locale);
  return {
    to: recipient.email,
    subject: t('alreadySubject', { title: petitionTitle }),
    text: t('alreadyBody', { title: petitionTitle, withdrawLink: withdrawLink(origin, recipient, locale), newsOffLink: newsOffLink(origin, recipient, locale) }),
    listUnsubscribe: oneClickUnsubscribeUrl(origin, recipient.signatureId),
  };
}

export function caseUpdateMail(recipient: Recipient, update: { caseTitle: string; headline: string; caseSlug: string }, origin: string): OutgoingMail {
  const { t, locale } = translator(recipient.locale);
  return {
    to: recipient.email,
    subject: t('updateSubject', { caseTitle: update.caseTitle }),
    text: t('updateBody', {
      caseTitle: update.caseTitle,
      headline: update.headline,
      caseLink: publicLink(origin, locale, `/cases/${update.caseSlug}`),
      withdrawLink: withdrawLink(origin, recipient, locale),
      newsOffLink: newsOffLink(origin, recipient, locale),
    }),
    listUnsubscribe: oneClickUnsubscribeUrl(origin, recipient.signatureId),
  };
}
