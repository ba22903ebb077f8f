import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { SharePanel } from '@/components/share/SharePanel';
import { CorrectionsLog } from '@/components/cases/CorrectionsLog';
import { PersonStatus } from '@/components/cases/PersonStatus';
import { StatusBanner } from '@/components/cases/StatusBanner';
import { PetitionSignBox } from '@/components/petitions/PetitionSignBox';
import { StickySignButton } from '@/components/petitions/StickySignButton';
import { Timeline } from '@/components/cases/Timeline';
import { urgencyTone } from '@/components/cases/tones';
import { Badge } from '@/components/ui/Badge';
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
  const [t, format] = await Promise.all([getTranslations('case'), getFormatter()]);
  const [tUrgency, tStatus] = await Promise.all([getTranslations('urgency'), getTranslations('caseStatus')]);
  const share = await pageShare(locale, `/cases/${publicCase.slug}`, publicCase.title);
  return (
    <article>
      <Link href="/" className="text-sm text-vigil underline">
        ← {t('backToCases')}
      </Link>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Badge tone={urgencyTone[publicCase.urgency]}>
          {t('urgency')}: {tUrgency(publicCase.urgency)}
        </Badge>
        <span className="text-sm text-stone-600">
          {t('lastUpdated', { date: format.dateTime(new Date(publicCase.lastUpdatedAt), { dateStyle: 'long' }) })}
        </span>
      </div>
      <h1 className="mt-2 text-3xl font-bold">{publicCase.title}</h1>
      {publicCase.archived ? <p className="mt-2 rounded bg-stone-200 p-2 text-sm">{t('archivedNotice')}</p> : null}
      <StatusBanner people={publicCase.people} />
      <p className="mt-4 max-w-prose whitespace-pre-line text-stone-800">{publicCase.summary}</p>
      {petition ? <div className="mt-6"><PetitionSignBox petition={petition} compact /></div> : null}
      <div className="mt-6">
        <SharePanel share={share} />
      </div>

      <section aria-labelledby="people-heading" className="mt-8">
        <h2 id="people-heading" className="text-xl font-semibold">
          {t('people')}
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {publicCase.people.map((person) => (
            <PersonStatus key={person.alias} person={person} />
          ))}
        </div>
      </section>

      <section aria-labelledby="timeline-heading" className="mt-10">
        <h2 id="timeline-heading" className="mb-4 text-xl font-semibold">
          {t('timeline')}
        </h2>
        <Timeline events={publicCase.timeline} />
      </section>

      <CorrectionsLog corrections={publicCase.corrections} />
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
