'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { TextAreaField } from '@/components/ui/TextAreaField';
import type { ActionState } from '@/lib/operations/result';
import { requestPublicationSchema } from '@/lib/cases/schemas';

type Outcome = { outcome: 'published' | 'pending' };
type Action = (state: ActionState<Outcome>, formData: FormData) => Promise<ActionState<Outcome>>;

/** Asks to publish the case file as it stands (all its changes in one request): the server checks consent and the approval rule. */
export function RequestPublicationForm({ action, caseId }: { action: Action; caseId: string }) {
  const t = useTranslations('advocacy');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(requestPublicationSchema, action, { caseId, note: '' }, 'advocacy');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="request-publication-form">
      {message ? (
        <Notice tone={state.ok ? 'success' : 'error'}>
          {message} {state.ok && state.value ? t(`publication.outcome.${state.value.outcome}`) : null}
        </Notice>
      ) : null}
      {errorFor('caseId') ? <Notice tone="error">{errorFor('caseId')}</Notice> : null}
      <input type="hidden" {...form.register('caseId')} />
      <TextAreaField id={`publish-${caseId.slice(0, 8)}-note`} label={t('publication.note')} help={t('publication.noteHelp')} error={errorFor('note')} {...form.register('note')} />
      <Button type="submit" disabled={pending}>
        {t('publication.requestCase')}
      </Button>
    </form>
  );
}
