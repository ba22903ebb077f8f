import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CorrectionsLog } from '@/components/cases/CorrectionsLog';
import { PersonStatus } from '@/components/cases/PersonStatus';
import { StatusBanner } from '@/components/cases/StatusBanner';
import { Timeline } from '@/components/cases/Timeline';
import { urgencyTone } from '@/components/cases/tones';
import { Badge } from '@/components/ui/Badge';
import type { PublicCase } from '@/lib/cases/public';

/**
 * A public case as readers see it: urgency, title, status, summary, people, timeline and corrections. The
 * public case page and the reviewer's preview of a publication request both render it, so a preview shows
 * exactly the page the approval would publish. `afterSummary` holds what only the live page offers
 * (the petition, sharing); `children` come after the corrections.
 */
export async function PublicCaseView({ publicCase, afterSummary, children }: { publicCase: PublicCase; afterSummary?: ReactNode; children?: ReactNode }) {
  const [t, format] = await Promise.all([getTranslations('case'), getFormatter()]);
  return (
    <>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Badge tone={urgencyTone[publicCase.urgency]}>
          {t('urgencyLine', { urgency: publicCase.urgency })}
        </Badge>
        <span className="text-sm text-stone-600">
          {t('lastUpdated', { date: format.dateTime(new Date(publicCase.lastUpdatedAt), { dateStyle: 'long' }) })}
        </span>
      </div>
      <h1 className="mt-2 text-3xl font-bold">{publicCase.title}</h1>
      {publicCase.archived ? <p className="mt-2 rounded bg-stone-200 p-2 text-sm">{t('archivedNotice')}</p> : null}
      <StatusBanner people={publicCase.people} />
      <p className="mt-4 max-w-prose whitespace-pre-line text-stone-800">{publicCase.summary}</p>
      {afterSummary}

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
      {children}
    </>
  );
}
