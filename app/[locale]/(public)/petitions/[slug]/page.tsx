import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { PetitionSignBox } from '@/components/petitions/PetitionSignBox';
import { RecentSigners } from '@/components/petitions/RecentSigners';
import { SignersByCountry } from '@/components/petitions/SignersByCountry';
import { StickySignButton } from '@/components/petitions/StickySignButton';
import { SharePanel } from '@/components/share/SharePanel';
import { Link } from '@/lib/i18n/navigation';
import { cachedPublicPetition } from '@/lib/petitions/public-cache';
import { pageShare, shareMetadata } from '@/lib/share/share-metadata';

export const revalidate = 60;

// Rendered on first request, then cached like the case pages.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const petition = await cachedPublicPetition(slug);
  if (!petition) return {};
  const description = petition.body.slice(0, 200);
  const siteName = (await getTranslations({ locale, namespace: 'site' }))('name');
  return { title: petition.title, description, ...shareMetadata({ locale, path: `/petitions/${petition.slug}`, title: petition.title, description, siteName }) };
}

export default async function PetitionPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const petition = await cachedPublicPetition(slug);
  if (!petition) notFound();
  const [t, format, share] = await Promise.all([getTranslations('petition'), getFormatter(), pageShare(locale, `/petitions/${petition.slug}`, petition.title)]);
  return (
    <article className="grid gap-8 md:grid-cols-[1fr_20rem]">
      <div>
        <Link href={`/cases/${petition.caseSlug}`} className="text-sm text-vigil underline">
          {t('aboutCase', { title: petition.caseTitle })}
        </Link>
        <h1 className="mt-2 text-3xl font-bold">{petition.title}</h1>
        <p className="mt-1 text-stone-700">{t('addressedTo', { target: petition.target })}</p>
        {petition.closesAt ? (
          <p className="mt-1 text-sm text-stone-600">{t('closesOn', { date: format.dateTime(new Date(petition.closesAt), { dateStyle: 'long' }) })}</p>
        ) : null}
        {petition.status === 'delivered' && petition.deliveredOn && petition.deliveredTo ? (
          <p className="mt-3 rounded bg-emerald-50 p-2 text-sm text-emerald-900">
            {t('deliveredTo', { recipient: petition.deliveredTo, date: format.dateTime(new Date(petition.deliveredOn), { dateStyle: 'long' }) })}
          </p>
        ) : null}
        <div className="mt-6 max-w-prose whitespace-pre-line text-stone-800">{petition.body}</div>
        <p className="mt-6">
          <Link href={`/cases/${petition.caseSlug}/letter`} className="font-medium text-vigil underline">
            {t('writeOwnLetter')}
          </Link>
        </p>
        <RecentSigners signers={petition.recentSigners} />
        <SignersByCountry countries={petition.signersByCountry} other={petition.otherCountries} />
      </div>
      <div className="space-y-6">
        <PetitionSignBox petition={petition} />
        <SharePanel share={share} />
      </div>
      {petition.refusal ? null : <StickySignButton />}
    </article>
  );
}
