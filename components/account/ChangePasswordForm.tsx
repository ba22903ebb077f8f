'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { changePasswordSchema } from '@/lib/auth/schemas';

type Action = (state: ActionState<{ revokedSessions: number }>, formData: FormData) => Promise<ActionState<{ revokedSessions: number }>>;

export function ChangePasswordForm({ action }: { action: Action }) {
  const t = useTranslations('staff.account');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(changePasswordSchema, action, {
    currentPassword: '',
    password: '',
    passwordConfirmation: '',
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      {state.ok ? <Notice tone="success">{t('passwordChanged')}</Notice> : message ? <Notice tone="error">{message}</Notice> : null}
      <Field id="currentPassword" type="password" autoComplete="current-password" label={t('currentPassword')} error={errorFor('currentPassword')} {...form.register('currentPassword')} />
      <Field id="newPassword" type="password" autoComplete="new-password" label={t('newPassword')} error={errorFor('password')} {...form.register('password')} />
      <Field
        id="newPasswordConfirmation"
        type="password"
        autoComplete="new-password"
        label={t('newPasswordConfirmation')}
        error={errorFor('passwordConfirmation')}
        {...form.register('passwordConfirmation')}
      />
      <Button type="submit" disabled={pending}>
        {t('changePassword')}
      </Button>
    </form>
  );
}
