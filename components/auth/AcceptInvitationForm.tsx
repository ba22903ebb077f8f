'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useActionForm } from '@/components/forms/useActionForm';
import { RecoveryCodes } from '@/components/account/RecoveryCodes';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { acceptInvitationSchema } from '@/lib/auth/schemas';
import { Link } from '@/lib/i18n/navigation';

type Accepted = { email: string; recoveryCodes: string[] | null };
type Action = (state: ActionState<Accepted>, formData: FormData) => Promise<ActionState<Accepted>>;

export function AcceptInvitationForm({
  action,
  token,
  enrollment,
  twoFactorRequired,
  children,
}: {
  action: Action;
  token: string;
  enrollment: string;
  twoFactorRequired: boolean;
  children: ReactNode;
}) {
  const t = useTranslations('staff');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(acceptInvitationSchema, action, {
    token,
    enrollment,
    password: '',
    passwordConfirmation: '',
    totpCode: '',
  });
  if (state.ok && state.value) {
    return (
      <div className="space-y-4">
        <Notice tone="success">
          <strong>{t('invite.doneTitle')}</strong> {t('invite.doneBody')}
        </Notice>
        {state.value.recoveryCodes ? <RecoveryCodes codes={state.value.recoveryCodes} /> : null}
        <Link href="/login" className="inline-block rounded bg-vigil px-3 py-2 text-sm font-medium text-white">
          {t('invite.goToLogin')}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {message ? <Notice tone="error">{errorFor('token') ?? message}</Notice> : null}
      <input type="hidden" {...form.register('token')} />
      <input type="hidden" {...form.register('enrollment')} />
      <Field id="password" type="password" autoComplete="new-password" label={t('invite.password')} help={t('invite.passwordHelp')} error={errorFor('password')} {...form.register('password')} />
      <Field
        id="passwordConfirmation"
        type="password"
        autoComplete="new-password"
        label={t('invite.passwordConfirmation')}
        error={errorFor('passwordConfirmation')}
        {...form.register('passwordConfirmation')}
      />
      <fieldset className="space-y-3 rounded border border-stone-200 p-4">
        <legend className="px-1 font-semibold">{t('invite.twoFactorTitle')}</legend>
        <p className="text-sm">{twoFactorRequired ? t('invite.twoFactorRequired') : t('invite.twoFactorOptional')}</p>
        {children}
        <Field id="totpCode" inputMode="numeric" autoComplete="one-time-code" label={t('twoFactor.code')} error={errorFor('totpCode')} {...form.register('totpCode')} />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t('invite.submit')}
      </Button>
    </form>
  );
}
