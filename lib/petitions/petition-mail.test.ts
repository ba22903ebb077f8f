import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en/petitions.json';
import ko from '@/messages/ko/petitions.json';
import zh from '@/messages/zh/petitions.json';
import { confirmationMail, newsUnsubscribeToken, oneClickUnsubscribeUrl, publicLink, withdrawalToken } from './petition-mail';

process.env.VIGIL_SECRET_KEY ??= 'b'.repeat(64);

describe('the confirmation mail', () => {
  // Titles that a naive template would mangle: replacement patterns, ICU-looking text, markers.
  const titles = ['Free Kim Cheol-ho’s wife and son', 'Pay $& and {confirmLink} now', '김철호 씨의 아내와 아들을 석방하라'];

  for (const [locale, messages] of [['en', en], ['ko', ko], ['zh', zh]] as const) {
    it(`in ${locale}: is exactly the catalog's text with this signer's own links, whatever the title`, () => {
      const t = createTranslator({ locale, messages, namespace: 'petitionMail' });
      for (const title of titles) {
        for (const [signatureId, token] of <[string, string][]>[
          ['0b7c6f1e-8a8e-4c55-9d2a-3f1e2d4c5b6a', 'tokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
          ['5d2e9a44-1b3c-4f6e-8a7b-9c0d1e2f3a4b', 'tokenBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB'],
        ]) {
          const mail = confirmationMail({ signatureId, email: 'signer@example.org', locale }, title, token, 'https://vigil.test');
          expect(mail).toEqual({
            to: 'signer@example.org',
            subject: t('confirmSubject', { title }),
            text: t('confirmBody', {
              title,
              days: 7,
              confirmLink: publicLink('https://vigil.test', locale, `/confirm/${token}`),
              withdrawLink: publicLink('https://vigil.test', locale, `/withdraw/${withdrawalToken(signatureId)}`),
              newsOffLink: publicLink('https://vigil.test', locale, `/unsubscribe/${newsUnsubscribeToken(signatureId)}`),
            }),
            listUnsubscribe: oneClickUnsubscribeUrl('https://vigil.test', signatureId),
          });
          expect(mail.listUnsubscribe).toBe(`https://vigil.test/api/petitions/news-off/${newsUnsubscribeToken(signatureId)}`);
          expect(mail.text).not.toContain('\u0000');
          expect(mail.text).toContain(`https://vigil.test${locale === 'en' ? '' : `/${locale}`}/confirm/${token}`);
        }
      }
    });
  }
});
