/** The mails a signer receives, in the language they signed in; texts live in messages/<locale>/petitions.json. */
import 'server-only';
import { createTranslator } from 'next-intl';
import en from '@/messages/en/petitions.json';
import ko from '@/messages/ko/petitions.json';
import type { OutgoingMail } from '@/lib/mail/enqueue-mail';
import type { SigningLocale } from './vocabulary';
import { CONFIRMATION_TTL_DAYS } from './confirmation-token';
import { newsUnsubscribeToken, publicLink, withdrawalToken } from './withdrawal-link';

const catalogs = { en, ko } as const;

function makeTranslator(locale: SigningLocale) {
  return createTranslator({ locale, messages: catalogs[locale], namespace: 'petitionMail' });
}

// Made once per language: parsing the messages for every mail would cost more than sending it.
const translators = new Map<SigningLocale, ReturnType<typeof makeTranslator>>();

function translator(locale: string) {
  const known: SigningLocale = locale === 'ko' ? 'ko' : 'en';
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

function confirmationTemplate(locale: SigningLocale, petitionTitle: string): { subject: string; text: string } {
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
