'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useLive } from '@/components/forms/useLive';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { useRouter } from '@/lib/i18n/navigation';
import { publicFirstName } from '@/lib/petitions/public';
import { type SignPetitionData, signPetitionSchema, type SignPetitionInput } from '@/lib/petitions/schemas';
import { COUNTRY_CODES, countryFromLanguage, type SigningRefusal, signingRefusalOf } from '@/lib/petitions/vocabulary';

type Outcome = { kind: 'accepted' } | { kind: 'busy'; seconds: number } | { kind: 'refused'; reason: SigningRefusal } | { kind: 'failed' };

/**
 * The sign form of the petition page, the case page's sign box and the embed widget. Checked in the
 * browser with the same zod schema the server applies, then posted to the signing API; errors from
 * either side appear at their field, and nothing typed is lost. An accepted signature leads to the
 * thank-you page (/petitions/<slug>/thanks); inside a partner's frame it is said in place.
 */
export function SignPetitionForm({ slug, idPrefix = 'sign', framed = false }: { slug: string; idPrefix?: string; framed?: boolean }) {
  const router = useRouter();
  const t = useTranslations('signForm');
  const tErrors = useTranslations('petitionErrors');
  const tRefusal = useTranslations('petition.refusal');
  const locale = useLocale();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useForm<SignPetitionInput, unknown, SignPetitionData>({
    resolver: zodResolver(signPetitionSchema),
    // No country yet: the select shows its empty choice until the signer (or the guess below) picks one.
    defaultValues: { name: '', email: '', display: 'anonymous', wantsUpdates: false },
  });
  const { register, handleSubmit, formState, setError, setValue, getFieldState, control } = form;

  // The 250 countries are listed by the browser once the form is live, not written into every page
  // that shows the form (about 10 KB of each case page's HTML).
  const live = useLive();
  const countries = useMemo(() => {
    if (!live) return [];
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [live, locale]);
  const countryName = (code: string) => countries.find((country) => country.code === code)?.name ?? code;
  // The country the browser's language suggests: first in the list, and preselected.
  const likely = live ? countryFromLanguage(navigator.languages?.[0] ?? navigator.language) : '';
  // A phone's picker cannot be searched: a few letters typed here narrow the list.
  const [countrySearch, setCountrySearch] = useState('');

  // Preselect the likely country, unless the signer already chose one.
  useEffect(() => {
    if (!likely || getFieldState('country').isDirty) return;
    setValue('country', likely);
  }, [likely, getFieldState, setValue]);

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    try {
      const response = await fetch(`/api/petitions/${encodeURIComponent(slug)}/signatures`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...values, locale }),
      });
      const body = (await response.json().catch(() => ({}))) as { field?: string; code?: string; error?: string; retryAfterSeconds?: number };
      if (response.status === 202) {
        setOutcome({ kind: 'accepted' });
        if (!framed) router.push(`/petitions/${encodeURIComponent(slug)}/thanks`);
        return;
      }
      if (response.status === 400 && body.field && body.code) {
        return setError(body.field as keyof SignPetitionInput, { message: body.code }, { shouldFocus: true });
      }
      // Busy or the database is away: the form keeps what was typed and says when to send it again.
      if (response.status === 503) return setOutcome({ kind: 'busy', seconds: Number(response.headers.get('Retry-After')) || body.retryAfterSeconds || 5 });
      const refusal = response.status === 409 ? signingRefusalOf(body.error) : null;
      if (refusal) return setOutcome({ kind: 'refused', reason: refusal });
      setOutcome({ kind: 'failed' });
    } catch {
      setOutcome({ kind: 'failed' });
    }
  });

  const errorFor = (field: keyof SignPetitionInput) => {
    const key = formState.errors[field]?.message;
    return key ? (tErrors.has(key) ? tErrors(key) : key) : undefined;
  };
  const id = (field: string) => `${idPrefix}-${field}`;
  const [display, name, country] = useWatch({ control, name: ['display', 'name', 'country'] });
  const search = foldForSearch(countrySearch);
  const shownCountries = countries.filter((option) => option.code === country || !search || foldForSearch(option.name).includes(search) || option.code.toLowerCase() === search);
  const likelyOption = shownCountries.find((option) => option.code === likely);

  if (outcome?.kind === 'accepted') {
    return <Notice tone="success">{t('accepted')}</Notice>;
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('submit')}>
      {outcome?.kind === 'busy' ? <Notice tone="warning">{t('busy', { seconds: outcome.seconds })}</Notice> : null}
      {outcome?.kind === 'refused' ? <Notice tone="warning">{tRefusal(outcome.reason)}</Notice> : null}
      {outcome?.kind === 'failed' ? <Notice tone="error">{t('failed')}</Notice> : null}
      <Field id={id('name')} label={t('name')} autoComplete="name" error={errorFor('name')} {...register('name')} />
      <Field
        id={id('email')}
        type="email"
        label={t('email')}
        help={t('emailHelp')}
        autoComplete="email"
        error={errorFor('email')}
        {...register('email')}
      />
      <div className="space-y-1">
        <label htmlFor={id('country')} className="block text-sm font-medium">
          {t('country')}
        </label>
        {live ? (
          <input
            type="search"
            id={id('country-search')}
            aria-label={t('countrySearch')}
            aria-controls={id('country')}
            placeholder={t('countrySearch')}
            value={countrySearch}
            onChange={(event) => setCountrySearch(event.target.value)}
            className="block w-full rounded border border-stone-300 bg-white px-3 py-1.5 text-sm"
          />
        ) : null}
        <select
          id={id('country')}
          aria-invalid={errorFor('country') ? true : undefined}
          aria-describedby={errorFor('country') ? `${id('country')}-error` : undefined}
          className="block w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm"
          {...register('country')}
        >
          <option value="">{t('chooseCountry')}</option>
          {likelyOption ? (
            <optgroup label={t('likelyCountry')}>
              <option value={likelyOption.code}>{likelyOption.name}</option>
            </optgroup>
          ) : null}
          <optgroup label={t('allCountries')}>
            {shownCountries
              .filter((option) => option !== likelyOption)
              .map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
          </optgroup>
        </select>
        {errorFor('country') ? (
          <p id={`${id('country')}-error`} role="alert" className="text-sm text-red-700">
            {errorFor('country')}
          </p>
        ) : null}
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t('display')}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="anonymous" {...register('display')} />
          {t('displayAnonymous')}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="first_name_country" {...register('display')} />
          {t('displayFirstName')}
        </label>
        {display === 'first_name_country' && name?.trim() ? (
          <p className="text-xs text-stone-600">{t('displayPreview', { firstName: publicFirstName(name), country: country ? countryName(country) : '…' })}</p>
        ) : null}
      </fieldset>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" {...register('wantsUpdates')} />
        <span>{t('wantsUpdates')}</span>
      </label>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}

/** Lower case without accents, so "cote" finds "Côte d’Ivoire" and "turkiye" finds "Türkiye". */
function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
