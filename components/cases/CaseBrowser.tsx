'use client';

import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { PublicCaseSummary } from '@/lib/cases/public';
import type { CustodyStatus } from '@/lib/cases/vocabulary';
import { Link } from '@/lib/i18n/navigation';
import { CaseList } from './CaseList';

/**
 * The published cases with a status filter kept in the URL (?status=…), so a filtered list can be
 * shared. Filtering happens in the browser: the page itself stays one cached document.
 */
export function CaseBrowser({ cases, statuses }: { cases: PublicCaseSummary[]; statuses: CustodyStatus[] }) {
  const t = useTranslations();
  const selected = useSearchParams().get('status');
  const present = statuses.filter((status) =>
    cases.some((item) => item.people.some((person) => person.custodyStatus === status)),
  );
  const shown = selected
    ? cases.filter((item) => item.people.some((person) => person.custodyStatus === selected))
    : cases;
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 text-sm ${active ? 'border-vigil bg-vigil text-white' : 'border-stone-300 bg-white hover:border-vigil'}`;
  return (
    <div>
      <nav aria-label={t('home.filterLabel')} className="mb-6">
        <p className="mb-2 text-sm font-medium text-stone-700">{t('home.filterLabel')}</p>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link href="/" className={chip(!selected)} aria-current={!selected ? 'true' : undefined}>
              {t('home.allStatuses')}
            </Link>
          </li>
          {present.map((status) => (
            <li key={status}>
              <Link
                href={{ pathname: '/', query: { status } }}
                className={chip(selected === status)}
                aria-current={selected === status ? 'true' : undefined}
              >
                {t(`custodyStatus.${status}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <CaseList cases={shown} />
    </div>
  );
}
