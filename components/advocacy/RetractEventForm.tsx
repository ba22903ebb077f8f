'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { retractEventSchema } from '@/lib/cases/schemas';

type Retracted = { eventId: string; publication: 'published' | 'pending' | null };
type Action = (state: ActionState<Retracted>, formData: FormData) => Promise<ActionState<Retracted>>;

/** Retracts an event: it stays on the timeline, marked retracted with the public reason. */
export function RetractEventForm({ action, caseId, eventId, allowUrgent = false }: { action: Action; caseId: string; eventId: string; allowUrgent?: boolean }) {
  const t = useTranslations('advocacy');
  const prefix = `retract-${eventId.slice(0, 8)}`;
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(retractEventSchema, action, { caseId, eventId, publicReason: '', correctionNote: '', urgentReason: '' }, 'advocacy');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="retract-form">
      {message ? (
        <Notice tone={state.ok ? 'success' : 'error'}>
          {message}
          {state.ok && state.value?.publication ? ` ${t(`publication.outcome.${state.value.publication}`)}` : null}
        </Notice>
      ) : null}
      <input type="hidden" {...form.register('caseId')} />
      <input type="hidden" {...form.register('eventId')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${prefix}-reason`} label={t('correction.publicReason')} help={t('correction.publicReasonHelp')} error={errorFor('publicReason')} {...form.register('publicReason')} />
        <Field id={`${prefix}-note`} label={t('correction.internalNote')} help={t('internalHelp')} error={errorFor('correctionNote')} {...form.register('correctionNote')} />
        {allowUrgent ? (
          <div className="sm:col-span-2">
            <Field id={`${prefix}-urgent`} label={t('correction.urgentReason')} help={t('correction.urgentReasonHelp')} error={errorFor('urgentReason')} {...form.register('urgentReason')} />
          </div>
        ) : null}
      </div>
      <Button type="submit" tone="danger" disabled={pending}>
        {t('correction.retract')}
      </Button>
    </form>
  );
}
