import { useFormatter, useTranslations } from 'next-intl';
import type { PublicTimelineEvent } from '@/lib/cases/public';
import { Badge } from '@/components/ui/Badge';
import { PartialDateText } from './PartialDateText';
import { verificationTone } from './tones';

export function Timeline({ events }: { events: PublicTimelineEvent[] }) {
  const t = useTranslations();
  const format = useFormatter();
  if (events.length === 0) return <p className="text-stone-600">{t('case.noEvents')}</p>;
  return (
    <ol className="relative border-l-2 border-stone-300 pl-6">
      {events.map((event) => (
        <li key={event.ref} data-testid="timeline-event" className="mb-8 last:mb-0">
          <span className="absolute -left-[9px] mt-1.5 h-4 w-4 rounded-full border-2 border-white bg-vigil" aria-hidden />
          <p className="text-sm font-medium text-stone-600">
            <PartialDateText value={event.occurred} />
            {' · '}
            {t(`eventType.${event.type}`)}
            {event.place ? ` · ${event.place}` : ''}
          </p>
          <h3 className={`mt-1 text-lg font-semibold ${event.verification === 'retracted' ? 'line-through decoration-1' : ''}`}>{event.title}</h3>
          {event.notice ? (
            <p data-testid="correction-notice" className="mt-1 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
              {t.rich('corrections.notice', {
                kind: event.notice.kind,
                date: format.dateTime(new Date(`${event.notice.on}T00:00:00Z`), { dateStyle: 'long' }),
                reason: event.notice.reason,
                label: (chunks) => <span className="font-medium">{chunks}</span>,
              })}
            </p>
          ) : null}
          {event.description ? <p className="mt-1 text-stone-800">{event.description}</p> : null}
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            {t.rich('case.verificationLine', {
              grade: event.verification,
              badge: (chunks) => <Badge tone={verificationTone(event.verification)}>{chunks}</Badge>,
            })}
          </div>
          {event.people.length > 0 ? (
            <p className="mt-1 text-sm text-stone-600">
              {t('case.concernsLine', { people: format.list(event.people) })}
            </p>
          ) : null}
          {event.sources.length > 0 ? (
            <ul className="mt-1 text-sm text-stone-600">
              {event.sources.map((source, sourceIndex) => (
                <li key={sourceIndex}>
                  {t('case.sourceLine', { attribution: source.attribution })}
                  {source.url ? (
                    <>
                      {' '}
                      (<a href={source.url} rel="noopener noreferrer nofollow" className="underline">
                        {source.name ?? source.url}
                      </a>)
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
