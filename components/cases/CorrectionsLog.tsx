import { useFormatter, useTranslations } from 'next-intl';
import type { PublicCorrection } from '@/lib/cases/public';

/** The public record of every correction and retraction on a case: nothing is rewritten silently. */
export function CorrectionsLog({ corrections }: { corrections: PublicCorrection[] }) {
  const t = useTranslations('corrections');
  const format = useFormatter();
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: 'long' });
  return (
    <section aria-labelledby="corrections-heading" className="mt-10" data-testid="corrections-log">
      <h2 id="corrections-heading" className="text-xl font-semibold">
        {t('logTitle')}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-stone-600">{t('logIntro')}</p>
      {corrections.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{t('none')}</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {corrections.map((correction, index) => (
            <li key={index} className="text-sm">
              <span className="font-medium">{t('logEntry', { kind: correction.kind, date: day(correction.on), title: correction.eventTitle })}</span> {correction.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
