'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { trackLetterSchema } from '@/lib/letters/schemas';
import { type LetterStatus, SEND_CHANNELS } from '@/lib/letters/vocabulary';
import { useLetterErrors } from './useLetterErrors';

type Tracked = { letterId: string; status: LetterStatus; eventId: string | null; publication: 'published' | 'pending' | null };
type Action = (state: ActionState<Tracked>, formData: FormData) => Promise<ActionState<Tracked>>;

/** One letter's next step: the statuses it may move to, the day, and for a reply the note. */
export function TrackLetterForm({ action, letterId, next, today }: { action: Action; letterId: string; next: LetterStatus[]; today: string }) {
  const t = useTranslations('letters');
  const { form, state, pending, onSubmit, message } = useActionForm(trackLetterSchema, action, {
    letterId,
    status: next[0],
    on: today,
    sentVia: 'post',
    note: '',
    addToTimeline: false,
    publicTitle: '',
  } as never);
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
        <div className="space-y-1">
          <label htmlFor={`${prefix}-status`} className="block text-sm font-medium">
            {t('tracking.status')}
          </label>
          <select id={`${prefix}-status`} className="w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-sm" {...form.register('status')}>
            {next.map((option) => (
              <option key={option} value={option}>
                {t(`statuses.${option}`)}
              </option>
            ))}
          </select>
          {errorFor('status') ? (
            <p role="alert" className="text-sm text-red-700">
              {errorFor('status')}
            </p>
          ) : null}
        </div>
        <Field id={`${prefix}-on`} type="date" label={t('tracking.on')} error={errorFor('on')} {...form.register('on')} />
        {status === 'sent' ? (
          <div className="space-y-1">
            <label htmlFor={`${prefix}-via`} className="block text-sm font-medium">
              {t('tracking.sentVia')}
            </label>
            <select id={`${prefix}-via`} className="w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-sm" {...form.register('sentVia')}>
              {SEND_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channels.${channel}`)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" {...form.register('sentVia')} />
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor={`${prefix}-note`} className="block text-sm font-medium">
          {t('tracking.note')}
        </label>
        <textarea id={`${prefix}-note`} rows={2} className="block w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-sm" {...form.register('note')} />
        {errorFor('note') ? (
          <p role="alert" className="text-sm text-red-700">
            {errorFor('note')}
          </p>
        ) : null}
      </div>
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
