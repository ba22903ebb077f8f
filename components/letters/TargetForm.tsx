'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { createTargetSchema, updateTargetSchema } from '@/lib/targets/schemas';
import type { TargetRecord } from '@/lib/targets/target-record';
import { TARGET_KINDS, TARGET_STATUSES } from '@/lib/targets/vocabulary';
import { useLetterErrors } from './useLetterErrors';

type Saved = { targetId: string };
type Action = (state: ActionState<Saved>, formData: FormData) => Promise<ActionState<Saved>>;

const TEXT_FIELDS = ['nameEn', 'nameLocal', 'nameZh', 'representsCountry', 'hostCountry', 'city', 'email', 'fax', 'phone', 'website', 'webFormUrl', 'headTitle', 'salutationEn', 'salutationKo', 'salutationZh', 'preferredLanguages', 'sourceUrl', 'sourceNotes', 'verifiedOn'] as const;

export function TargetForm({ action, target }: { action: Action; target?: TargetRecord }) {
  const t = useTranslations('letters');
  const defaults = {
    key: target?.key ?? '',
    kind: target?.kind ?? 'embassy',
    addressLines: target?.addressLines ?? '',
    status: target?.status ?? 'active',
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, name === 'preferredLanguages' ? (target?.preferredLanguages ?? ['en']).join(', ') : ((target?.[name] as string | null | undefined) ?? '')])),
    ...(target ? { targetId: target.id } : {}),
  };
  const { form, field, state, pending, onSubmit, message } = useActionForm(target ? updateTargetSchema : createTargetSchema, action, defaults);
  const errorFor = useLetterErrors(form, state);
  const prefix = target ? `target-${target.id}` : 'target-new';
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message ? <Notice tone={state.ok ? 'success' : 'error'}>{message}</Notice> : null}
      {target ? <input type="hidden" {...field('targetId')} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-key`} label={t('targets.fields.key')} help={t('targets.fields.keyHelp')} error={errorFor('key')} {...form.register('key')} />
        <div className="space-y-1">
          <label htmlFor={`${prefix}-kind`} className="block text-sm font-medium">
            {t('targets.fields.kind')}
          </label>
          <select id={`${prefix}-kind`} className="w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm" {...form.register('kind')}>
            {TARGET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {TEXT_FIELDS.map((name) => (
          <Field
            key={name}
            id={`${prefix}-${name}`}
            type={name === 'verifiedOn' ? 'date' : 'text'}
            label={t(`targets.fields.${name}`)}
            help={name === 'preferredLanguages' ? t('targets.fields.preferredLanguagesHelp') : undefined}
            error={errorFor(name)}
            {...field(name)}
          />
        ))}
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor={`${prefix}-addressLines`} className="block text-sm font-medium">
            {t('targets.fields.addressLines')}
          </label>
          <textarea
            id={`${prefix}-addressLines`}
            rows={4}
            aria-invalid={errorFor('addressLines') ? true : undefined}
            className="block w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm"
            {...form.register('addressLines')}
          />
          <p className="text-xs text-stone-600">{t('targets.fields.addressLinesHelp')}</p>
          {errorFor('addressLines') ? (
            <p role="alert" className="text-sm text-red-700">
              {errorFor('addressLines')}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${prefix}-status`} className="block text-sm font-medium">
            {t('targets.fields.status')}
          </label>
          <select id={`${prefix}-status`} className="w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm" {...form.register('status')}>
            {TARGET_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`targetStatuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Button type="submit" disabled={pending}>
        {t('targets.save')}
      </Button>
    </form>
  );
}
