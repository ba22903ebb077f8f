'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { SelectField } from '@/components/ui/SelectField';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { generateBatchSchema, TARGET_SELECTIONS } from '@/lib/letters/schemas';
import { PAPER_SIZES } from '@/lib/letters/vocabulary';
import { TARGET_KINDS } from '@/lib/targets/vocabulary';
import { useLetterErrors } from './useLetterErrors';

type Generated = { batchId: string; letterCount: number; overflowing: string[] };
type Action = (state: ActionState<Generated>, formData: FormData) => Promise<ActionState<Generated>>;

export function GenerateBatchForm({
  action,
  templates,
  targets,
}: {
  action: Action;
  templates: { id: string; label: string }[];
  targets: { id: string; label: string }[];
}) {
  const t = useTranslations('letters');
  const { form, state, pending, onSubmit, message } = useActionForm(generateBatchSchema, action, {
    templateId: templates[0]?.id ?? '',
    selection: 'picked',
    kind: 'embassy',
    hostCountry: '',
    targetIds: '',
    paper: 'a4',
    senderName: '',
    senderOrganisation: '',
  });
  const errorFor = useLetterErrors(form, state);
  const selection = form.watch('selection');
  const picked = String(form.watch('targetIds') ?? '').split(',').filter(Boolean);
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...new Set([...picked, id])] : picked.filter((item) => item !== id);
    form.setValue('targetIds', next.join(','));
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {state.ok && state.value ? (
        <Notice tone={state.value.overflowing.length ? 'warning' : 'success'}>
          {t('batches.generated', { count: state.value.letterCount })}
          {state.value.overflowing.length ? ` ${t('batches.overflowing', { targets: state.value.overflowing.join(', ') })}` : null}
        </Notice>
      ) : message ? (
        <Notice tone="error">{message}</Notice>
      ) : null}
      <SelectField
        id="batch-template"
        label={t('batches.fields.templateId')}
        error={errorFor('templateId')}
        options={templates.map((template) => ({ value: template.id, label: template.label }))}
        {...form.register('templateId')}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('batches.fields.selection')}</legend>
        {TARGET_SELECTIONS.map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input type="radio" value={option} {...form.register('selection')} />
            {t(`batches.selections.${option}`)}
          </label>
        ))}
        {errorFor('selection') ? (
          <p role="alert" className="text-sm text-red-700">
            {errorFor('selection')}
          </p>
        ) : null}
      </fieldset>
      {selection === 'kind' ? (
        <SelectField id="batch-kind" label={t('batches.fields.kind')} error={errorFor('kind')} options={TARGET_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} {...form.register('kind')} />
      ) : (
        <input type="hidden" {...form.register('kind')} />
      )}
      {selection === 'country' ? (
        <Field id="batch-country" label={t('batches.fields.hostCountry')} error={errorFor('hostCountry')} {...form.register('hostCountry')} />
      ) : (
        <input type="hidden" {...form.register('hostCountry')} />
      )}
      <input type="hidden" {...form.register('targetIds')} />
      {selection === 'picked' ? (
        <fieldset className="max-h-64 space-y-1 overflow-y-auto rounded border border-stone-200 p-3">
          <legend className="text-sm font-medium">{t('batches.fields.targetIds')}</legend>
          {targets.map((target) => (
            <label key={target.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={picked.includes(target.id)} onChange={(event) => toggle(target.id, event.target.checked)} />
              {target.label}
            </label>
          ))}
          {errorFor('targetIds') ? (
            <p role="alert" className="text-sm text-red-700">
              {errorFor('targetIds')}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="batch-sender" label={t('batches.fields.senderName')} error={errorFor('senderName')} {...form.register('senderName')} />
        <Field id="batch-organisation" label={t('batches.fields.senderOrganisation')} error={errorFor('senderOrganisation')} {...form.register('senderOrganisation')} />
        <SelectField id="batch-paper" label={t('batches.fields.paper')} error={errorFor('paper')} options={PAPER_SIZES.map((paper) => ({ value: paper, label: t(`papers.${paper}`) }))} {...form.register('paper')} />
      </div>
      <Button type="submit" disabled={pending}>
        {t('batches.generate')}
      </Button>
    </form>
  );
}
