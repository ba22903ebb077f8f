import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/Badge';
import type { PetitionActivity } from '@/lib/petitions/get-petition-activity';
import { type ConsoleAction, ConsoleForm } from './ConsoleForm';

/**
 * Event mode on the console: the petition's event (what, when, the crowd and the ceiling it gives one
 * address) with a QR code of the public signing page to show at the rally, or the form that starts one.
 */
export function EventPanel({
  petitionId,
  activity,
  qrSvg,
  signingUrl,
  canStart,
  start,
  end,
}: {
  petitionId: string;
  activity: PetitionActivity;
  /** The QR code of the petition's public page, as SVG made on the server (lib/format/qr-code.ts). */
  qrSvg: string | null;
  /** The petition's public page, which the QR code encodes. */
  signingUrl: string;
  canStart: boolean;
  start: ConsoleAction;
  end: ConsoleAction;
}) {
  const t = useTranslations('petitionConsole.event');
  const format = useFormatter();
  const { event } = activity;
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <section aria-labelledby="event" className="space-y-3 rounded border border-stone-200 bg-white p-6 shadow-sm" data-testid="event-panel">
      <h2 id="event" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-stone-600">{t('help')}</p>
      {event ? (
        <div className="flex flex-wrap items-start gap-6">
          <div className="space-y-2 text-sm" data-testid="event-summary">
            <p className="font-medium">
              {event.label} <Badge>{t(event.running ? 'running' : 'scheduled')}</Badge>
            </p>
            <p>{t('window', { start: when(event.startsAt), end: when(event.endsAt) })} UTC</p>
            <p>{t('crowd', { crowd: format.number(event.expectedCrowd), ceiling: format.number(event.addressCeiling), usual: format.number(activity.usualCeiling) })}</p>
            <ConsoleForm
              schema="petitionId"
              action={end}
              idPrefix="event-end"
              submit={t('end')}
              tone="secondary"
              defaults={{ petitionId }}
              fields={[{ name: 'petitionId', label: '', type: 'hidden' }]}
            />
          </div>
          {qrSvg ? (
            <figure className="space-y-1">
              <div role="img" aria-label={t('qrLabel')} className="w-[200px] bg-white" dangerouslySetInnerHTML={{ __html: qrSvg }} />
              <figcaption className="max-w-[200px] text-xs text-stone-600">
                {t('qrHelp')}{' '}
                <a href={signingUrl} className="break-all text-vigil underline" data-testid="event-signing-url">
                  {signingUrl}
                </a>
              </figcaption>
            </figure>
          ) : null}
        </div>
      ) : canStart ? (
        <ConsoleForm
          schema="startPetitionEvent"
          action={start}
          idPrefix="event"
          submit={t('start')}
          defaults={{ petitionId }}
          fields={[
            { name: 'petitionId', label: '', type: 'hidden' },
            { name: 'label', label: t('label') },
            { name: 'startsAt', label: t('startsAt'), type: 'datetime-local' },
            { name: 'endsAt', label: t('endsAt'), type: 'datetime-local' },
            { name: 'expectedCrowd', label: t('expectedCrowd'), type: 'number' },
          ]}
        />
      ) : null}
    </section>
  );
}
