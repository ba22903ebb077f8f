'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import type { ActionState } from '@/lib/operations/result';
import { approvePublicationSchema } from '@/lib/cases/schemas';

type Action = (state: ActionState<{ caseId: string }>, formData: FormData) => Promise<ActionState<{ caseId: string }>>;

/**
 * A second staff member approves the pending publication they reviewed: the hash of the content the page
 * showed travels with the form, so a request changed since is refused rather than published unseen.
 */
export function ApprovePublicationForm({ action, requestId, contentHash }: { action: Action; requestId: string; contentHash: string }) {
  const t = useTranslations('advocacy');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(approvePublicationSchema, action, { requestId, contentHash }, 'advocacy');
  const error = errorFor('requestId') ?? errorFor('contentHash') ?? (!state.ok ? message : undefined);
  return (
    <form onSubmit={onSubmit} className="space-y-2" data-testid="approve-form">
      <input type="hidden" {...form.register('requestId')} />
      <input type="hidden" {...form.register('contentHash')} />
      <Button type="submit" disabled={pending}>
        {t('publication.approve')}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
