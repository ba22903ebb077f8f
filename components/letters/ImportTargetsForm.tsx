'use client';

import { useTranslations } from 'next-intl';
import { type ChangeEvent, useState } from 'react';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { importTargetsSchema } from '@/lib/targets/schemas';
import { useLetterErrors } from './useLetterErrors';

type Summary = { created: number; updated: number };
type Action = (state: ActionState<Summary>, formData: FormData) => Promise<ActionState<Summary>>;

/** Reads the chosen file in the browser and posts its text: the server parses and checks every row. */
export function ImportTargetsForm({ action }: { action: Action }) {
  const t = useTranslations('letters.targets');
  const { form, state, pending, onSubmit, message } = useActionForm(importTargetsSchema, action, { csv: '' });
  const errorFor = useLetterErrors(form, state);
  const [fileName, setFileName] = useState('');
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileName(file?.name ?? '');
    form.setValue('csv', file ? await file.text() : '', { shouldValidate: false });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {state.ok && state.value ? <Notice tone="success">{t('imported', state.value)}</Notice> : message ? <Notice tone="error">{message}</Notice> : null}
      <input type="hidden" {...form.register('csv')} />
      <Field id="import-file" type="file" accept=".csv,text/csv" label={t('importFile')} help={fileName || undefined} error={errorFor('csv')} onChange={onFile} />
      <Button type="submit" disabled={pending}>
        {t('importSubmit')}
      </Button>
    </form>
  );
}
