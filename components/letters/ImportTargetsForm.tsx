'use client';

import { useTranslations } from 'next-intl';
import { type ChangeEvent, useState } from 'react';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
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
  const csvError = errorFor('csv');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {state.ok && state.value ? <Notice tone="success">{t('imported', state.value)}</Notice> : message ? <Notice tone="error">{message}</Notice> : null}
      <input type="hidden" {...form.register('csv')} />
      <label className="block text-sm font-medium" htmlFor="import-file">
        {t('importFile')}
      </label>
      <input id="import-file" type="file" accept=".csv,text/csv" onChange={onFile} aria-invalid={csvError ? true : undefined} className="block text-sm" />
      {fileName ? <p className="text-xs text-stone-600">{fileName}</p> : null}
      {csvError ? (
        <p role="alert" className="text-sm text-red-700">
          {csvError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t('importSubmit')}
      </Button>
    </form>
  );
}
