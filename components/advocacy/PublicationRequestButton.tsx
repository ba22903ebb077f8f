'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import type { ActionState } from '@/lib/operations/result';
import { requestIdSchema } from '@/lib/cases/schemas';

type Action = (state: ActionState<{ caseId: string }>, formData: FormData) => Promise<ActionState<{ caseId: string }>>;

const labels = { withdraw: 'publication.withdraw', reviewed: 'publication.urgent.reviewed' } as const;

/** One button on a publication request: its requester withdraws it, or a second staff member marks an urgent publication reviewed. */
export function PublicationRequestButton({ action, requestId, kind }: { action: Action; requestId: string; kind: keyof typeof labels }) {
  const t = useTranslations('advocacy');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(requestIdSchema, action, { requestId }, 'advocacy');
  const error = errorFor('requestId') ?? (!state.ok ? message : undefined);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" data-testid={`${kind}-form`}>
      <input type="hidden" {...form.register('requestId')} />
      <Button type="submit" tone={kind === 'withdraw' ? 'danger' : 'secondary'} disabled={pending} className="px-2 py-1 text-xs">
        {t(labels[kind])}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </form>
  );
}
