import { useLocale, useTranslations } from 'next-intl';
import type { PartialDate } from '@/lib/cases/public';
import { formatPartialDate } from '@/lib/format/partial-date';

/** Formats partial dates in the page's language. */
export function usePartialDateFormatter(): (value: PartialDate) => string {
  const locale = useLocale();
  const t = useTranslations('dates');
  return (value) => formatPartialDate(value, locale, (year) => t('approximately', { year }));
}

export function PartialDateText({ value }: { value: PartialDate }) {
  const formatDate = usePartialDateFormatter();
  return (
    <time dateTime={value.date} data-precision={value.precision}>
      {formatDate(value)}
    </time>
  );
}
