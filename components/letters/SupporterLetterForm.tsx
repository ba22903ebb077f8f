'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useLive } from '@/components/forms/useLive';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { SupporterLetterKit } from '@/lib/letters/get-supporter-letter-kit';
import { nearestListedCountry } from '@/lib/i18n/world-regions';
import { addressNameFor, renderTemplate } from '@/lib/letters/template-language';
import { countryFromLanguage } from '@/lib/petitions/vocabulary';
import { LETTER_LANGUAGES, type LetterLanguage } from '@/lib/targets/vocabulary';

/**
 * A supporter's own letter: the case's supporters' template filled in for the embassy of the country
 * they choose, editable, then downloaded as a PDF (a plain form post) or opened in their mail client.
 */
export function SupporterLetterForm({ kit, locale, countryNames }: { kit: SupporterLetterKit; locale: string; countryNames: Record<string, string> }) {
  const t = useTranslations('letters');
  // The case's supporters' templates; without one, the supporter writes in their own words, in any letter language.
  const templated = Object.keys(kit.templates) as LetterLanguage[];
  const languages = (templated.length > 0 ? templated : [...LETTER_LANGUAGES]).sort((a) => (a === locale ? -1 : 1));
  const [language, setLanguage] = useState<LetterLanguage>(languages[0] ?? 'en');
  // The supporter's own country, from the browser's language once the form is live: its embassy when
  // listed, else one close by, with a word that theirs is not listed yet. Their own choice wins.
  const live = useLive();
  const browserCountry = live ? countryFromLanguage(navigator.languages?.[0] ?? navigator.language) : '';
  const suggested = browserCountry
    ? nearestListedCountry(
        browserCountry,
        kit.embassies.map((embassy) => embassy.hostCountry),
      )
    : null;
  const [chosen, setChosen] = useState<string | null>(null);
  const hostCountry = chosen ?? suggested ?? kit.embassies[0]?.hostCountry ?? '';
  const ownCountry = browserCountry && suggested !== browserCountry ? (new Intl.DisplayNames([locale], { type: 'region' }).of(browserCountry) ?? browserCountry) : null;
  const label = (code: string, city: string) => `${countryNames[code] ?? code} — ${city}`;
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
  if (!embassy) return <Notice>{t('supporter.noEmbassy')}</Notice>;
  const addressName = addressNameFor(embassy, language);
  const mailto = `mailto:${embassy.email}?subject=${encodeURIComponent(kit.title)}&body=${encodeURIComponent(`${body}\n\n${senderName}`)}`;
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
      {templated.length === 0 ? <Notice>{t('supporter.noTemplate')}</Notice> : null}
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
              setChosen(event.target.value);
              setEdited(null);
            }}
            className="w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm"
          >
            {kit.embassies.map((candidate) => (
              <option key={candidate.hostCountry} value={candidate.hostCountry}>
                {label(candidate.hostCountry, candidate.city)}
              </option>
            ))}
          </select>
          {ownCountry ? (
            <p className="text-sm text-stone-600" data-testid="embassy-not-listed">
              {suggested ? t('supporter.notListed', { country: ownCountry, nearest: label(embassy.hostCountry, embassy.city) }) : t('supporter.notListedNearby', { country: ownCountry })}
            </p>
          ) : null}
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
        {embassy.email ? (
          <a href={mailto} onClick={countMail} className="inline-flex items-center rounded px-3 py-2 text-sm font-medium ring-1 ring-inset ring-stone-300 hover:bg-stone-100">
            {t('supporter.mail', { address: embassy.email })}
          </a>
        ) : null}
        {embassy.webFormUrl ? (
          <a href={embassy.webFormUrl} rel="noopener noreferrer" target="_blank" className="inline-flex items-center rounded px-3 py-2 text-sm font-medium ring-1 ring-inset ring-stone-300 hover:bg-stone-100">
            {t('supporter.webForm')}
          </a>
        ) : null}
      </div>
      <p className="text-sm text-stone-600" data-testid="embassy-channels">
        {[embassy.fax ? t('supporter.fax', { fax: embassy.fax }) : null, embassy.email ? null : t('supporter.noEmail')].filter(Boolean).join(' ')}
      </p>
    </form>
  );
}
