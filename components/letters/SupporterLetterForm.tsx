'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { SupporterLetterKit } from '@/lib/letters/get-supporter-letter-kit';
import type { LetterLanguage } from '@/lib/targets/vocabulary';
import { addressNameFor, renderTemplate } from '@/lib/letters/template-language';

/**
 * A supporter's own letter: the case's supporters' template filled in for the embassy of the country
 * they choose, editable, then downloaded as a PDF (a plain form post) or opened in their mail client.
 */
export function SupporterLetterForm({ kit, locale }: { kit: SupporterLetterKit; locale: string }) {
  const t = useTranslations('letters');
  const languages = (Object.keys(kit.templates) as LetterLanguage[]).sort((a) => (a === locale ? -1 : 1));
  const [language, setLanguage] = useState<LetterLanguage>(languages[0] ?? 'en');
  const [hostCountry, setHostCountry] = useState(kit.embassies.find((embassy) => embassy.hostCountry === 'KR')?.hostCountry ?? kit.embassies[0]?.hostCountry ?? '');
  const [senderName, setSenderName] = useState('');
  const [edited, setEdited] = useState<string | null>(null);
  const embassy = kit.embassies.find((candidate) => candidate.hostCountry === hostCountry);
  const values = kit.values[language];
  const rendered = renderTemplate(kit.templates[language] ?? '', {
    'target.salutation': embassy?.salutations[language] ?? '',
    'target.name': embassy ? addressNameFor(embassy, language) : '',
    'case.title': kit.title,
    'person.alias': values.personAlias,
    'person.status': values.personStatus,
    'petition.confirmed': values.petitionConfirmed,
    today: values.today,
    'sender.name': senderName,
    'sender.organisation': '',
  });
  const body = edited ?? (rendered.ok ? rendered.text : '');
  if (languages.length === 0) return <Notice>{t('supporter.noTemplate')}</Notice>;
  if (!embassy) return <Notice>{t('supporter.noEmbassy')}</Notice>;
  const addressName = addressNameFor(embassy, language);
  const mailto = `mailto:${encodeURIComponent(embassy.email)}?subject=${encodeURIComponent(kit.title)}&body=${encodeURIComponent(`${body}\n\n${senderName}`)}`;
  const countMail = () => {
    const form = new FormData();
    form.set('format', 'mail');
    form.set('caseSlug', kit.slug);
    form.set('language', language);
    form.set('hostCountry', hostCountry);
    form.set('senderName', senderName || '-');
    form.set('body', body || '-');
    navigator.sendBeacon('/api/letters/supporter', form);
  };
  return (
    <form method="post" action="/api/letters/supporter" className="space-y-4">
      <input type="hidden" name="format" value="pdf" />
      <input type="hidden" name="caseSlug" value={kit.slug} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="supporter-country" className="block text-sm font-medium">
            {t('supporter.country')}
          </label>
          <select
            id="supporter-country"
            name="hostCountry"
            value={hostCountry}
            onChange={(event) => {
              setHostCountry(event.target.value);
              setEdited(null);
            }}
            className="w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm"
          >
            {kit.embassies.map((candidate) => (
              <option key={candidate.hostCountry} value={candidate.hostCountry}>
                {candidate.city} ({candidate.hostCountry})
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="supporter-language" className="block text-sm font-medium">
            {t('templates.fields.language')}
          </label>
          <select
            id="supporter-language"
            name="language"
            value={language}
            onChange={(event) => {
              setLanguage(event.target.value as LetterLanguage);
              setEdited(null);
            }}
            className="w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm"
          >
            {languages.map((item) => (
              <option key={item} value={item}>
                {t(`languages.${item}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field id="supporter-name" name="senderName" required maxLength={120} label={t('supporter.name')} value={senderName} onChange={(event) => setSenderName(event.target.value)} />
      <p className="whitespace-pre-line rounded bg-stone-50 p-3 text-sm text-stone-700" lang={language}>
        {[addressName, embassy.addressLines].join('\n')}
      </p>
      <div className="space-y-1">
        <label htmlFor="supporter-body" className="block text-sm font-medium">
          {t('supporter.body')}
        </label>
        <textarea
          id="supporter-body"
          name="body"
          rows={14}
          maxLength={6000}
          required
          lang={language}
          value={body}
          onChange={(event) => setEdited(event.target.value)}
          className="block w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm"
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{t('supporter.pdf')}</Button>
        <a href={mailto} onClick={countMail} className="inline-flex items-center rounded px-3 py-2 text-sm font-medium ring-1 ring-inset ring-stone-300 hover:bg-stone-100">
          {t('supporter.mail')}
        </a>
      </div>
    </form>
  );
}
