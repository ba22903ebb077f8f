import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CaseBrowser } from '@/components/cases/CaseBrowser';
import { CaseList } from '@/components/cases/CaseList';
import { cachedPublicCases } from '@/lib/cases/public-cache';
import { CUSTODY_STATUSES } from '@/lib/cases/vocabulary';
import { PetitionProgress } from '@/components/petitions/PetitionProgress';
import { Link } from '@/lib/i18n/navigation';
import { cachedOpenPetitions } from '@/lib/petitions/public-cache';
import { shareMetadata } from '@/lib/share/share-metadata';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'site' });
  return {
    alternates: { types: { 'application/atom+xml': '/feed.xml' } },
    ...shareMetadata({ locale, path: '/', title: t('name'), description: t('tagline'), siteName: t('name') }),
  };
}

// Served from cache; refreshed when staff change a case, and at the latest after a minute.
export const revalidate = 60;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, cases, openPetitions] = await Promise.all([getTranslations('home'), cachedPublicCases(), cachedOpenPetitions()]);
  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-3 max-w-prose text-stone-700">{t('intro')}</p>
      {openPetitions.length > 0 ? (
        <section aria-labelledby="open-petitions" className="mt-8">
          <h2 id="open-petitions" className="text-xl font-semibold">
            {t('openPetitions')}
          </h2>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2" data-testid="open-petitions">
            {openPetitions.map((petition) => (
              <li key={petition.slug} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <div>
                  <Link href={`/petitions/${petition.slug}`} className="font-semibold text-vigil underline">
                    {petition.title}
                  </Link>
                  <p className="text-sm text-stone-600">{petition.caseTitle}</p>
                </div>
                <PetitionProgress slug={petition.slug} goal={petition.goal} milestones={petition.milestones} />
                <Link href={`/petitions/${petition.slug}#sign`} className="inline-block rounded bg-vigil px-4 py-2 text-sm font-semibold text-white">
                  {t('signThis')}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="mt-8">
        <Suspense fallback={<CaseList cases={cases} />}>
          <CaseBrowser cases={cases} statuses={[...CUSTODY_STATUSES]} />
        </Suspense>
      </div>
    </>
  );
}
