'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import type { ActionState } from '@/lib/operations/result';
import { approvePublicationSchema } from '@/lib/cases/schemas';

type Action = (state: ActionState<{ caseId: string }>, formData: FormData) => Promise<ActionState<{ caseId: string }>>;

/** A decision on a pending publication: a second staff member approves it, or anyone on the case withdraws it. */
export function ApprovePublicationForm({ action, requestId, decision = 'approve' }: { action: Action; requestId: string; decision?: 'approve' | 'withdraw' }) {
  const t = useTranslations('advocacy');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(approvePublicationSchema, action, { requestId }, 'advocacy');
  const error = errorFor('requestId') ?? (!state.ok ? message : undefined);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" data-testid={`${decision}-form`}>
      <input type="hidden" {...form.register('requestId')} />
      <Button type="submit" tone={decision === 'approve' ? 'primary' : 'danger'} disabled={pending} className="px-2 py-1 text-xs">
        {t(`publication.${decision}`)}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </form>
  );
}
