'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { enableTwoFactorSchema } from '@/lib/auth/schemas';
import { RecoveryCodes } from './RecoveryCodes';

type Result = { recoveryCodes: string[] };
type Action = (state: ActionState<Result>, formData: FormData) => Promise<ActionState<Result>>;

export function EnableTwoFactorForm({ action, enrollment, children }: { action: Action; enrollment: string; children: ReactNode }) {
  const t = useTranslations('staff');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(enableTwoFactorSchema, action, {
    enrollment,
    totpCode: '',
  });
  if (state.ok && state.value) return <RecoveryCodes codes={state.value.recoveryCodes} />;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      {message ? <Notice tone="error">{message}</Notice> : null}
      {children}
      <input type="hidden" {...form.register('enrollment')} />
      <Field
        id="totpCode"
        inputMode="numeric"
        autoComplete="one-time-code"
        label={t('twoFactor.code')}
        error={errorFor('totpCode')}
        {...form.register('totpCode')}
      />
      <Button type="submit" disabled={pending}>
        {t('account.enableTwoFactor')}
      </Button>
    </form>
  );
}
