import { useTranslations } from 'next-intl';
import type { PublicPerson } from '@/lib/cases/public';
import { Badge } from '@/components/ui/Badge';
import { usePartialDateFormatter } from './PartialDateText';
import { custodyTone } from './tones';

/** One person: who they are in the case, and where they are as far as we know. */
export function PersonStatus({ person, compact = false }: { person: PublicPerson; compact?: boolean }) {
  const t = useTranslations();
  const formatDate = usePartialDateFormatter();
  return (
    <div data-testid="person-status" className={compact ? 'text-sm' : 'rounded-lg border border-stone-200 bg-white p-4'}>
      <p className="font-semibold">
        {person.alias}{' '}
        <span className="font-normal text-stone-600">
          {t('case.personDetails', {
            relation: person.relation,
            minor: person.isMinor ? 'yes' : 'no',
            birth: person.birthYear === null ? 'unknown' : person.birthYearApproximate ? 'approximate' : 'exact',
            year: String(person.birthYear ?? ''),
          })}
        </span>
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-2">
        <Badge tone={custodyTone(person.custodyStatus)}>{t(`custodyStatus.${person.custodyStatus}`)}</Badge>
        {person.custodyPlace ? <span>{person.custodyPlace}</span> : null}
        {person.custodyAsOf ? (
          <span className="text-stone-600">
            {t('case.asOf', { date: formatDate(person.custodyAsOf) })}
          </span>
        ) : null}
        {person.lastConfirmed && !compact ? (
          <span className="text-sm text-stone-600" data-testid="last-confirmed">
            · {t('caseStatus.lastConfirmed', { date: formatDate(person.lastConfirmed) })}
          </span>
        ) : null}
      </p>
    </div>
  );
}
