'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';

type Action = (state: ActionState<{ revokedSessions: number }>, formData: FormData) => Promise<ActionState<{ revokedSessions: number }>>;

export function SignOutEverywhereForm({ action }: { action: Action }) {
  const t = useTranslations('staff');
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-3">
      {state.message && !state.ok ? <Notice tone="error">{t(`messages.${state.message}` as 'messages.saved', { reference: state.reference ?? '' })}</Notice> : null}
      <p className="text-sm text-stone-700">{t('account.signOutEverywhereHelp')}</p>
      <Button type="submit" tone="danger" disabled={pending}>
        {t('account.signOutEverywhere')}
      </Button>
    </form>
  );
}
