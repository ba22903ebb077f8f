import { useTranslations } from 'next-intl';
import type { ConsoleCase } from '@/lib/cases/list-cases';
import { Link } from '@/lib/i18n/navigation';

/** The cases flagged for review, each with why. */
export function ReviewReminderList({ cases }: { cases: ConsoleCase[] }) {
  const t = useTranslations('advocacy.review');
  if (cases.length === 0) return <p className="mt-2 text-sm text-stone-700">{t('none')}</p>;
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {cases.map((item) => (
        <li key={item.id}>
          <Link href={`/admin/cases/${item.id}`} className="font-medium text-vigil underline">
            {item.title}
          </Link>{' '}
          <span className="text-stone-700">({item.reviewReasons.map((reason) => t(reason)).join(', ')})</span>
        </li>
      ))}
      {cases.length > 0 ? (
        <li>
          <Link href="/admin/cases?reviewDue=1" className="text-vigil underline">
            {t('title')} →
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
