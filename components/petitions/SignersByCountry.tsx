import { useLocale, useTranslations } from 'next-intl';
import type { PublicCountryCount } from '@/lib/petitions/public';

/**
 * Where signers are, as bars and as a list a screen reader reads: counted signatures per country, the
 * countries with few signers folded into "other countries". Counts only; nothing about any person.
 */
export function SignersByCountry({ countries, other }: { countries: PublicCountryCount[]; other: number }) {
  const t = useTranslations('petition');
  const locale = useLocale();
  if (countries.length === 0 && other === 0) return null;
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const rows = [...countries.slice(0, 12).map((row) => ({ label: regions.of(row.country) ?? row.country, count: row.count }))];
  const folded = other + countries.slice(12).reduce((sum, row) => sum + row.count, 0);
  if (folded > 0) rows.push({ label: t('otherCountries'), count: folded });
  const largest = Math.max(...rows.map((row) => row.count));
  const format = new Intl.NumberFormat(locale);
  return (
    <section aria-labelledby="signers-by-country" className="mt-8">
      <h2 id="signers-by-country" className="text-sm font-semibold text-stone-700">
        {t('signersByCountry')}
      </h2>
      <ul className="mt-2 space-y-1 text-sm" data-testid="signers-by-country">
        {rows.map((row) => (
          <li key={row.label} className="grid grid-cols-[9rem_1fr_4rem] items-center gap-2">
            <span className="truncate">{row.label}</span>
            <span aria-hidden="true" className="h-2 rounded bg-vigil" style={{ width: `${Math.max(2, (row.count / largest) * 100)}%` }} />
            <span className="text-right tabular-nums">{format.format(row.count)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-stone-600">{t('signersByCountryNote')}</p>
    </section>
  );
}
