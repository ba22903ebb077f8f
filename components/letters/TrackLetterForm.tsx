'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { SelectField } from '@/components/ui/SelectField';
import { TextAreaField } from '@/components/ui/TextAreaField';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { trackLetterSchema } from '@/lib/letters/schemas';
import { type LetterStatus, SEND_CHANNELS, type TrackedStatus } from '@/lib/letters/vocabulary';
import { useLetterErrors } from './useLetterErrors';

type Tracked = { letterId: string; status: LetterStatus; eventId: string | null; publication: 'published' | 'pending' | null };
type Action = (state: ActionState<Tracked>, formData: FormData) => Promise<ActionState<Tracked>>;

/** One letter's next step: the statuses it may move to, the day, and for a reply the note. */
export function TrackLetterForm({ action, letterId, next, today }: { action: Action; letterId: string; next: TrackedStatus[]; today: string }) {
  const t = useTranslations('letters');
  const { form, state, pending, onSubmit, message } = useActionForm(trackLetterSchema, action, {
    letterId,
    status: next[0],
    on: today,
    sentVia: 'post',
    note: '',
    addToTimeline: false,
    publicTitle: '',
  });
  const errorFor = useLetterErrors(form, state);
  const status = form.watch('status');
  const addToTimeline = form.watch('addToTimeline');
  const prefix = `track-${letterId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('tracking.update')}>
      {message ? <Notice tone={state.ok ? 'success' : 'error'}>{message}</Notice> : null}
      {state.ok && state.value?.publication === 'pending' ? <Notice tone="info">{t('tracking.awaitingApproval')}</Notice> : null}
      <input type="hidden" {...form.register('letterId')} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          id={`${prefix}-status`}
          label={t('tracking.status')}
          error={errorFor('status')}
          options={next.map((option) => ({ value: option, label: t(`statuses.${option}`) }))}
          {...form.register('status')}
        />
        <Field id={`${prefix}-on`} type="date" label={t('tracking.on')} error={errorFor('on')} {...form.register('on')} />
        {status === 'sent' ? (
          <SelectField
            id={`${prefix}-via`}
            label={t('tracking.sentVia')}
            options={SEND_CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
            {...form.register('sentVia')}
          />
        ) : (
          <input type="hidden" {...form.register('sentVia')} />
        )}
      </div>
      <TextAreaField id={`${prefix}-note`} rows={2} label={t('tracking.note')} error={errorFor('note')} {...form.register('note')} />
      {status === 'sent' || status === 'replied' ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register('addToTimeline')} />
          {t('tracking.addToTimeline')}
        </label>
      ) : null}
      {errorFor('addToTimeline') ? (
        <p role="alert" className="text-sm text-red-700">
          {errorFor('addToTimeline')}
        </p>
      ) : null}
      {addToTimeline && (status === 'sent' || status === 'replied') ? (
        <Field id={`${prefix}-title`} label={t('tracking.publicTitle')} help={t('tracking.publicTitleHelp')} error={errorFor('publicTitle')} {...form.register('publicTitle')} />
      ) : null}
      <Button type="submit" tone="secondary" disabled={pending}>
        {t('tracking.save')}
      </Button>
    </form>
  );
}
