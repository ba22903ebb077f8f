'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { regenerateRecoveryCodesSchema } from '@/lib/auth/schemas';
import { RecoveryCodes } from './RecoveryCodes';

type Result = { recoveryCodes: string[] };
type Action = (state: ActionState<Result>, formData: FormData) => Promise<ActionState<Result>>;

export function RegenerateRecoveryCodesForm({ action }: { action: Action }) {
  const t = useTranslations('staff');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(regenerateRecoveryCodesSchema, action, { totpCode: '' });
  if (state.ok && state.value) return <RecoveryCodes codes={state.value.recoveryCodes} />;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      {message ? <Notice tone="error">{message}</Notice> : null}
      <p className="text-sm text-stone-700">{t('account.regenerateHelp')}</p>
      <Field id="regenerateCode" inputMode="numeric" autoComplete="one-time-code" label={t('twoFactor.code')} error={errorFor('totpCode')} {...form.register('totpCode')} />
      <Button type="submit" tone="secondary" disabled={pending}>
        {t('account.regenerate')}
      </Button>
    </form>
  );
}
