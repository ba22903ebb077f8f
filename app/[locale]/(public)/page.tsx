import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CaseBrowser } from '@/components/cases/CaseBrowser';
import { CaseList } from '@/components/cases/CaseList';
import { cachedPublicCases } from '@/lib/cases/public-cache';
import { CUSTODY_STATUSES } from '@/lib/cases/vocabulary';

export const metadata: Metadata = {
  alternates: { types: { 'application/atom+xml': '/feed.xml' } },
};

// Served from cache; refreshed when staff change a case, and at the latest after a minute.
export const revalidate = 60;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, cases] = await Promise.all([getTranslations('home'), cachedPublicCases()]);
  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-3 max-w-prose text-stone-700">{t('intro')}</p>
      <div className="mt-8">
        <Suspense fallback={<CaseList cases={cases} />}>
          <CaseBrowser cases={cases} statuses={[...CUSTODY_STATUSES]} />
        </Suspense>
      </div>
    </>
  );
}
