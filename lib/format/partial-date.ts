/** Dates shown at the precision they are known to: "15 November 2017", "November 2017", "2017", "c. 2015". */
import type { PartialDate } from '@/lib/cases/public';

export function formatPartialDate(
  value: PartialDate,
  locale: string,
  approximately: (year: string) => string,
): string {
  const [year, month, day] = value.date.split('-').map(Number) as [number, number, number];
  const instant = new Date(Date.UTC(year, month - 1, day));
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(instant);
  switch (value.precision) {
    case 'day':
      return format({ day: 'numeric', month: 'long', year: 'numeric' });
    case 'month':
      return format({ month: 'long', year: 'numeric' });
    case 'year':
      return format({ year: 'numeric' });
    case 'approximate':
      return approximately(String(year));
  }
}
