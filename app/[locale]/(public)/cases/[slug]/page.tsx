import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SharePanel } from '@/components/share/SharePanel';
import { PublicCaseView } from '@/components/cases/PublicCaseView';
import { PetitionSignBox } from '@/components/petitions/PetitionSignBox';
import { StickySignButton } from '@/components/petitions/StickySignButton';
import { cachedPublicCase } from '@/lib/cases/public-cache';
import { Link } from '@/lib/i18n/navigation';
import { cachedCasePetition } from '@/lib/petitions/public-cache';
import { pageShare, shareMetadata } from '@/lib/share/share-metadata';

export const revalidate = 60;

// Rendered on first request, then cached (see the locale layout).
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const publicCase = await cachedPublicCase(slug);
  if (!publicCase) return {};
  const description = publicCase.summary.slice(0, 200);
  const siteName = (await getTranslations({ locale, namespace: 'site' }))('name');
  return {
    title: publicCase.title,
    description,
    alternates: { types: { 'application/atom+xml': `/cases/${publicCase.slug}/feed.xml` } },
    ...shareMetadata({ locale, path: `/cases/${publicCase.slug}`, title: publicCase.title, description, siteName }),
  };
}

export default async function CasePage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const publicCase = await cachedPublicCase(slug);
  if (!publicCase) notFound();
  const petition = await cachedCasePetition(slug);
  const [t, tStatus] = await Promise.all([getTranslations('case'), getTranslations('caseStatus')]);
  const share = await pageShare(locale, `/cases/${publicCase.slug}`, publicCase.title);
  return (
    <article>
      <Link href="/" className="text-sm text-vigil underline">
        ← {t('backToCases')}
      </Link>
      <PublicCaseView
        publicCase={publicCase}
        afterSummary={
          <>
            {petition ? <div className="mt-6"><PetitionSignBox petition={petition} compact /></div> : null}
            <div className="mt-6">
              <SharePanel share={share} />
            </div>
          </>
        }
      />
      <p className="mt-8 flex flex-wrap gap-4 text-sm">
        <Link href={`/cases/${publicCase.slug}/letter`} className="text-vigil underline">
          {t('writeOwnLetter')}
        </Link>
        <a href={`/cases/${publicCase.slug}/feed.xml`} className="text-vigil underline">
          {tStatus('feed')}
        </a>
      </p>
      {petition && !petition.refusal ? <StickySignButton /> : null}
    </article>
  );
}
