'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import type { ActionState } from '@/lib/actions/result';
import { approvePublicationSchema } from '@/lib/cases/schemas';

type Action = (state: ActionState<{ caseId: string }>, formData: FormData) => Promise<ActionState<{ caseId: string }>>;

/** A second staff member approves a pending publication. */
export function ApprovePublicationForm({ action, requestId }: { action: Action; requestId: string }) {
  const t = useTranslations('advocacy');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(approvePublicationSchema, action, { requestId }, 'advocacy');
  const error = errorFor('requestId') ?? (!state.ok ? message : undefined);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" data-testid="approve-form">
      <input type="hidden" {...form.register('requestId')} />
      <Button type="submit" disabled={pending} className="px-2 py-1 text-xs">
        {t('publication.approve')}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </form>
  );
}
