'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { signInSchema, type SignInInput } from '@/lib/auth/schemas';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';

/** Email and password, then (when the account has it) the second factor; posted to next-auth. */
export function SignInForm({ next, notice }: { next: string; notice?: string }) {
  const t = useTranslations('staff');
  const [askForCode, setAskForCode] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema) as unknown as Resolver<SignInInput>,
    defaultValues: { email: '', password: '', code: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const fieldError = (key?: string) => (key ? t(`errors.${key}` as 'errors.unknown') : undefined);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn('credentials', { email: values.email, password: values.password, code: values.code ?? '', redirect: false });
    if (result?.ok && !result.error) {
      // A full navigation, so the server renders the console with the new session cookie.
      window.location.assign(next);
      return;
    }
    const [code = 'unknown', detail] = (result?.error ?? 'unknown').split(':');
    if (code === 'two_factor_required') {
      setAskForCode(true);
      setTimeout(() => form.setFocus('code'), 0);
    }
    if (code === 'throttled') {
      setFailure(t('errors.throttled', { minutes: Math.max(1, Math.ceil(Number(detail ?? 60) / 60)) }));
    } else {
      setFailure(t(`errors.${['invalid_credentials', 'invalid_code', 'two_factor_required'].includes(code) ? code : 'unknown'}` as 'errors.unknown'));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {notice ? <Notice tone="warning">{notice}</Notice> : null}
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <Field id="email" type="email" autoComplete="username" label={t('login.email')} error={fieldError(errors.email?.message)} {...form.register('email')} />
      <Field
        id="password"
        type="password"
        autoComplete="current-password"
        label={t('login.password')}
        error={fieldError(errors.password?.message)}
        {...form.register('password')}
      />
      {askForCode ? (
        <Field
          id="code"
          autoComplete="one-time-code"
          inputMode="text"
          label={t('login.code')}
          help={t('login.codeHelp')}
          error={fieldError(errors.code?.message)}
          {...form.register('code')}
        />
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}
