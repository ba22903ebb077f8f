import { getFormatter, getTranslations } from 'next-intl/server';
import { ApprovePublicationForm } from '@/components/advocacy/ApprovePublicationForm';
import { PublicationChanges } from '@/components/advocacy/PublicationChanges';
import { PublicationRequestButton } from '@/components/advocacy/PublicationRequestButton';
import { RejectPublicationForm } from '@/components/advocacy/RejectPublicationForm';
import { RequestPublicationForm } from '@/components/advocacy/RequestPublicationForm';
import { Notice } from '@/components/ui/Notice';
import type { CasePublication } from '@/lib/cases/get-publication';
import type { FamilyConsentStatus, PublicityMode } from '@/lib/cases/vocabulary';
import { Link } from '@/lib/i18n/navigation';
import {
  approvePublicationAction,
  rejectPublicationAction,
  requestPublicationAction,
  reviewUrgentPublicationAction,
  withdrawPublicationAction,
} from '../../actions';

interface CaseSummary {
  id: string;
  publicityMode: PublicityMode;
  familyConsentStatus: FamilyConsentStatus;
  consentAllowsPublication: boolean;
}

/**
 * The case file's Publication panel: what the public sees now, what the case file would change, the one
 * request waiting for review (with its diff, preview and decision), the last decision, and urgent
 * corrections still waiting for their review after the fact.
 */
export async function PublicationPanel({ record, publication }: { record: CaseSummary; publication: CasePublication }) {
  const [t, format] = await Promise.all([getTranslations('advocacy'), getFormatter()]);
  const now = new Date();
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  const age = (iso: string) => format.relativeTime(new Date(iso), now);
  const { published, pending, lastDecision } = publication;
  // The form asks again when nothing waits, or when what waits no longer matches the case file.
  const mayAsk = publication.canRequest && (!pending || pending.stale) && (publication.unpublishedChanges.length > 0 || pending?.stale);

  return (
    <section aria-labelledby="publication" className="rounded border border-stone-200 bg-white p-5 shadow-sm" data-testid="publication-panel">
      <h2 id="publication" className="mb-3 text-lg font-semibold">
        {t('publication.title')}
      </h2>
      <p className="text-sm" data-testid="publication-state">
        {published === null
          ? t('publication.neverPublished')
          : published.isPublic
            ? `${t('publication.publicNow', { version: published.version, date: date(published.at) })}${published.approvedBy ? ` ${t('publication.approvedBy', { email: published.approvedBy })}` : ''}`
            : t('publication.takenDown', { version: published.version, date: date(published.at) })}
      </p>
      <p className="mt-1 text-sm">
        {t('publication.consent', { status: record.familyConsentStatus })}{' '}
        {record.consentAllowsPublication ? t('publication.consentOk') : t('publication.consentMissing')}
      </p>
      <p className="mt-1 text-sm text-stone-600">{publication.rules.requireSecondApproval ? t('publication.secondApprovalOn') : t('publication.secondApprovalOff')}</p>
      {record.publicityMode !== 'public_campaign' ? <p className="mt-1 text-sm text-stone-600">{t('publication.neverPublic')}</p> : null}

      {lastDecision && lastDecision.status !== 'approved' ? (
        <div className="mt-3" data-testid="last-decision">
          <Notice tone={lastDecision.status === 'rejected' ? 'warning' : 'info'}>
            {t(`publication.lastDecision.${lastDecision.status}`, { email: lastDecision.decidedBy ?? '—', date: date(lastDecision.at), reason: lastDecision.reason })}
          </Notice>
        </div>
      ) : null}

      {pending ? (
        <div className="mt-4 rounded border border-amber-300 bg-amber-50 p-3" data-testid="pending-publication">
          <h3 className="font-semibold">{t('publication.pending.title')}</h3>
          <p className="mt-1 text-sm">{t('publication.pending.askedBy', { email: pending.requestedBy, age: age(pending.requestedAt) })}</p>
          {pending.note ? <p className="mt-1 whitespace-pre-line text-sm text-stone-700">{pending.note}</p> : null}
          {pending.takeDown ? <p className="mt-1 text-sm font-medium">{t('publication.pending.takeDown')}</p> : null}
          {pending.stale ? (
            <div className="mt-2">
              <Notice tone="warning">{t('publication.pending.stale')}</Notice>
            </div>
          ) : null}
          <h4 className="mt-3 text-sm font-medium">{t('publication.pending.changes')}</h4>
          <PublicationChanges changes={pending.changes} testId="pending-changes" />
          {pending.takeDown ? null : (
            <p className="mt-2 text-sm">
              <Link href={`/admin/cases/${record.id}/preview/${pending.id}`} className="text-vigil underline">
                {t('publication.pending.preview')}
              </Link>
            </p>
          )}
          {publication.canDecide ? (
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              <ApprovePublicationForm action={approvePublicationAction} requestId={pending.id} contentHash={pending.contentHash} />
              <RejectPublicationForm action={rejectPublicationAction} requestId={pending.id} />
            </div>
          ) : pending.requestedByMe ? (
            <p className="mt-3 text-sm text-stone-700">{t('publication.pending.waitingForSomeoneElse')}</p>
          ) : null}
          {pending.requestedByMe && publication.canRequest ? (
            <div className="mt-2">
              <PublicationRequestButton action={withdrawPublicationAction} requestId={pending.id} kind="withdraw" />
            </div>
          ) : null}
        </div>
      ) : null}

      {publication.canRequest ? (
        <div className="mt-4" data-testid="unpublished-changes">
          <h3 className="font-semibold">{t('publication.unpublishedChanges')}</h3>
          {publication.unpublishedChanges.length === 0 ? (
            <p className="mt-1 text-sm text-stone-600">{t('publication.noUnpublishedChanges')}</p>
          ) : (
            <>
              <p className="mt-1 text-sm text-stone-600">{t('publication.unpublishedChangesHelp')}</p>
              <PublicationChanges changes={publication.unpublishedChanges} testId="unpublished-change-list" />
            </>
          )}
          {mayAsk ? (
            <div className="mt-3">
              <RequestPublicationForm action={requestPublicationAction} caseId={record.id} />
            </div>
          ) : null}
        </div>
      ) : null}

      {publication.urgentAwaitingReview.length > 0 ? (
        <div className="mt-4" data-testid="urgent-awaiting-review">
          <h3 className="font-semibold">{t('publication.urgent.title')}</h3>
          <ul className="mt-2 space-y-2">
            {publication.urgentAwaitingReview.map((item) => (
              <li key={item.id} className="rounded bg-stone-50 p-2 text-sm">
                <p>{t('publication.urgent.item', { email: item.requestedBy, age: age(item.at), reason: item.urgentReason })}</p>
                {item.requestedByMe ? (
                  <p className="mt-1 text-xs text-stone-600">{t('publication.urgent.yours')}</p>
                ) : publication.canRequest ? (
                  <div className="mt-1">
                    <PublicationRequestButton action={reviewUrgentPublicationAction} requestId={item.id} kind="reviewed" />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
