import { useFormatter, useTranslations } from 'next-intl';
import type { PetitionDelivery } from '@/lib/petitions/get-petition-delivery';
import { CaseFileApproval } from './CaseFileApproval';

/**
 * What a delivered petition's organizers need to know: when and to whom it was handed over, the note,
 * and whether the case timeline shows the delivery to the public yet (and if not, why not).
 */
export function DeliverySummary({ delivery }: { delivery: PetitionDelivery }) {
  const t = useTranslations('petitionConsole.delivery');
  const format = useFormatter();
  const { timeline } = delivery;
  const timelineText = timeline.state === 'staffOnly' ? t(`timeline.staffOnly.${timeline.reason}`) : t(`timeline.${timeline.state}`);
  return (
    <section aria-labelledby="delivery" className="rounded border border-emerald-200 bg-emerald-50 p-6 shadow-sm" data-testid="delivery-summary">
      <h2 id="delivery" className="mb-3 text-lg font-semibold">
        {t('title')}
      </h2>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t('deliveredOn')}</dt>
        <dd>{format.dateTime(new Date(`${delivery.deliveredOn}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' })}</dd>
        <dt className="font-medium">{t('deliveredTo')}</dt>
        <dd>{delivery.deliveredTo}</dd>
        <dt className="font-medium">{t('note')}</dt>
        <dd className="whitespace-pre-line">{delivery.note || t('noNote')}</dd>
        <dt className="font-medium">{t('timeline.label')}</dt>
        <dd data-testid="delivery-timeline-state">
          <span className="block">{timelineText}</span>
          {timeline.state === 'pendingApproval' ? <CaseFileApproval caseId={delivery.caseId} access={delivery.caseFileAccess} /> : null}
        </dd>
      </dl>
    </section>
  );
}
