import { useTranslations } from 'next-intl';
import type { PublicPerson } from '@/lib/cases/public';
import { usePartialDateFormatter } from './PartialDateText';

/** One line per person at the top of a case: where they are, as far as we know, and since when. */
export function StatusBanner({ people }: { people: PublicPerson[] }) {
  const t = useTranslations();
  const formatDate = usePartialDateFormatter();
  if (people.length === 0) return null;
  return (
    <section aria-labelledby="status-banner" className="mt-6 rounded-lg border-l-4 border-vigil bg-orange-50 p-4" data-testid="status-banner">
      <h2 id="status-banner" className="text-sm font-semibold uppercase tracking-wide text-stone-700">
        {t('caseStatus.bannerTitle')}
      </h2>
      <ul className="mt-2 space-y-1">
        {people.map((person) => {
          // One whole message per language: it words the status, the place and the date itself.
          const detail = !person.custodyAsOf ? 'undated' : person.custodyPlace ? 'withPlace' : 'withoutPlace';
          const values = { alias: person.alias, status: person.custodyStatus, detail, place: person.custodyPlace ?? '', date: person.custodyAsOf ? formatDate(person.custodyAsOf) : '' };
          return (
            <li key={person.alias} className="font-medium" data-testid="status-line">
              {t('caseStatus.line', values)}
              {person.lastConfirmed ? <span className="ml-2 text-sm font-normal text-stone-600">({t('caseStatus.lastConfirmed', { date: formatDate(person.lastConfirmed) })})</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
