import { useLocale, useTranslations } from 'next-intl';
import type { PublicSigner } from '@/lib/petitions/public';

/** Signers who chose to appear by first name and country; anonymous signers are never listed. */
export function RecentSigners({ signers }: { signers: PublicSigner[] }) {
  const t = useTranslations('petition');
  const locale = useLocale();
  if (signers.length === 0) return null;
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  return (
    <section aria-labelledby="recent-signers" className="mt-6">
      <h2 id="recent-signers" className="text-sm font-semibold text-stone-700">
        {t('recentSigners')}
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2 text-sm" data-testid="recent-signers">
        {signers.map((signer, index) => (
          <li key={index} className="rounded bg-stone-100 px-2 py-1">
            {signer.firstName}, {regions.of(signer.country) ?? signer.country}
          </li>
        ))}
      </ul>
    </section>
  );
}
