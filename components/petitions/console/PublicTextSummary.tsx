import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { PetitionTextPublication } from '@/lib/petitions/petition-publication';
import { CaseFileApproval } from './CaseFileApproval';

/**
 * Where the petition's text stands on its way to the public: a draft, public as it reads, waiting for a
 * second staff member, or neither (with the reason a review turned it down). `askAgain` is the form that
 * asks for a review, shown only when no request carries the text.
 */
export function PublicTextSummary({ publicText, askAgain }: { publicText: PetitionTextPublication; askAgain: ReactNode }) {
  const t = useTranslations('petitionConsole.publicText');
  const settled = publicText.state === 'published';
  return (
    <section
      aria-labelledby="public-text"
      className={`rounded border p-6 shadow-sm ${settled ? 'border-stone-200 bg-white' : 'border-amber-300 bg-amber-50'}`}
      data-testid="petition-public-text"
    >
      <h2 id="public-text" className="mb-1 text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mb-3 text-sm text-stone-600">{t('help')}</p>
      <p className="text-sm font-medium" data-testid="petition-public-text-state">
        {t(publicText.state)}
      </p>
      {publicText.publicTitle ? <p className="mt-1 text-sm">{t('publicTitle', { title: publicText.publicTitle })}</p> : null}
      {publicText.rejectionReason ? <p className="mt-1 text-sm">{t('rejected', { reason: publicText.rejectionReason })}</p> : null}
      {publicText.state === 'pendingApproval' ? (
        <p className="mt-2 text-sm">
          <CaseFileApproval caseId={publicText.caseId} access={publicText.caseFileAccess} />
        </p>
      ) : null}
      {publicText.state === 'notRequested' ? <div className="mt-3">{askAgain}</div> : null}
    </section>
  );
}
