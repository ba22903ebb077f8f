'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { TextAreaField } from '@/components/ui/TextAreaField';
import type { ActionState } from '@/lib/operations/result';
import { rejectPublicationSchema } from '@/lib/cases/schemas';

type Action = (state: ActionState<{ caseId: string }>, formData: FormData) => Promise<ActionState<{ caseId: string }>>;

/** A reviewer refuses a pending publication and says why: the requester reads the reason in the case file. */
export function RejectPublicationForm({ action, requestId }: { action: Action; requestId: string }) {
  const t = useTranslations('advocacy');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(rejectPublicationSchema, action, { requestId, reason: '' }, 'advocacy');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" data-testid="reject-form">
      {message && !state.ok ? <Notice tone="error">{message}</Notice> : null}
      {errorFor('requestId') ? <Notice tone="error">{errorFor('requestId')}</Notice> : null}
      <input type="hidden" {...form.register('requestId')} />
      <TextAreaField id={`reject-${requestId.slice(0, 8)}-reason`} label={t('publication.rejectReason')} help={t('publication.rejectReasonHelp')} error={errorFor('reason')} {...form.register('reason')} />
      <Button type="submit" tone="danger" disabled={pending}>
        {t('publication.reject')}
      </Button>
    </form>
  );
}
