import { useFormatter, useTranslations } from 'next-intl';
import type { PublicCaseSummary } from '@/lib/cases/public';
import { Link } from '@/lib/i18n/navigation';
import { Badge } from '@/components/ui/Badge';
import { PersonStatus } from './PersonStatus';
import { urgencyTone } from './tones';

export function CaseList({ cases }: { cases: PublicCaseSummary[] }) {
  const t = useTranslations();
  const format = useFormatter();
  if (cases.length === 0) return <p className="text-stone-600">{t('home.noCases')}</p>;
  return (
    <ul className="grid gap-4">
      {cases.map((item) => (
        <li key={item.slug} data-testid="case-card" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={urgencyTone[item.urgency]}>
              {t('case.urgencyLine', { urgency: item.urgency })}
            </Badge>
            {item.archived ? <Badge>{t('home.archived')}</Badge> : null}
            <span className="text-sm text-stone-600">
              {t('home.lastUpdated', { date: format.dateTime(new Date(item.lastUpdatedAt), { dateStyle: 'long' }) })}
            </span>
          </div>
          <h2 className="mt-2 text-xl font-semibold">
            <Link href={`/cases/${item.slug}`} className="text-vigil hover:underline">
              {item.title}
            </Link>
          </h2>
          <p className="mt-2 line-clamp-3 text-stone-700">{item.summary}</p>
          <div className="mt-3 grid gap-2">
            {item.people.map((person) => (
              <PersonStatus key={person.alias} person={person} compact />
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
