'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { SelectField } from '@/components/ui/SelectField';
import { TextAreaField } from '@/components/ui/TextAreaField';
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
        <SelectField
          id={`${prefix}-kind`}
          label={t('targets.fields.kind')}
          error={errorFor('kind')}
          options={TARGET_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          {...form.register('kind')}
        />
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
        <div className="sm:col-span-2">
          <TextAreaField
            id={`${prefix}-addressLines`}
            rows={4}
            label={t('targets.fields.addressLines')}
            help={t('targets.fields.addressLinesHelp')}
            error={errorFor('addressLines')}
            {...form.register('addressLines')}
          />
        </div>
        <SelectField
          id={`${prefix}-status`}
          label={t('targets.fields.status')}
          error={errorFor('status')}
          options={TARGET_STATUSES.map((status) => ({ value: status, label: t(`targetStatuses.${status}`) }))}
          {...form.register('status')}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {t('targets.save')}
      </Button>
    </form>
  );
}
