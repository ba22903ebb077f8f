'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { SelectField } from '@/components/ui/SelectField';
import { TextAreaField } from '@/components/ui/TextAreaField';
import type { ActionState } from '@/lib/operations/result';
import { type SourceFieldsInput, updateSourceSchema } from '@/lib/cases/schemas';
import { SOURCE_KINDS } from '@/lib/cases/vocabulary';

type Action = (state: ActionState<{ sourceId: string }>, formData: FormData) => Promise<ActionState<{ sourceId: string }>>;

/** Edits a source. Without internal access only its kind and public attribution are shown and changed. */
export function SourceForm({ action, sourceId, initial, confidentialHidden }: { action: Action; sourceId: string; initial: SourceFieldsInput; confidentialHidden: boolean }) {
  const t = useTranslations('advocacy');
  const tRoot = useTranslations();
  const prefix = `source-${sourceId.slice(0, 8)}`;
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(updateSourceSchema, action, { ...initial, sourceId }, 'advocacy');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="source-form">
      {message ? <Notice tone={state.ok ? 'success' : 'error'}>{message}</Notice> : null}
      <input type="hidden" {...form.register('sourceId')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id={`${prefix}-kind`} label={t('source.kind')} options={SOURCE_KINDS.map((value) => ({ value, label: tRoot(`sourceKind.${value}`) }))} error={errorFor('kind')} {...form.register('kind')} />
        <Field id={`${prefix}-attribution`} label={t('source.publicAttribution')} help={t('source.publicAttributionHelp')} error={errorFor('publicAttribution')} {...form.register('publicAttribution')} />
      </div>
      {confidentialHidden ? (
        <p className="text-sm text-stone-600">{t('source.confidentialHidden')}</p>
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field id={`${prefix}-name`} label={t('source.name')} error={errorFor('name')} {...form.register('name')} />
            <Field id={`${prefix}-url`} label={t('source.url')} error={errorFor('url')} {...form.register('url')} />
            <Field id={`${prefix}-origin`} label={t('source.origin')} help={t('source.originHelp')} error={errorFor('origin')} {...form.register('origin')} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register('mayBeNamed')} />
            {t('source.mayBeNamed')}
          </label>
          <TextAreaField id={`${prefix}-notes`} label={t('source.internalNotes')} help={t('internalHelp')} error={errorFor('internalNotes')} {...form.register('internalNotes')} />
        </>
      )}
      <Button type="submit" disabled={pending}>
        {t('save')}
      </Button>
    </form>
  );
}
