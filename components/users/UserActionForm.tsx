'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import type { ActionState } from '@/lib/operations/result';

type Action = (state: ActionState<{ userId: string }>, formData: FormData) => Promise<ActionState<{ userId: string }>>;

/** One admin action on one account (a button, maybe with a field), with its error shown beside it. */
export function UserActionForm({
  action,
  userId,
  label,
  tone = 'secondary',
  children,
}: {
  action: Action;
  userId: string;
  label: string;
  tone?: 'secondary' | 'danger';
  children?: ReactNode;
}) {
  const t = useTranslations('staff');
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const error = state.errors ? Object.values(state.errors)[0] : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      {children}
      <Button type="submit" tone={tone} disabled={pending} className="px-2 py-1 text-xs">
        {label}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {t.has(`errors.${error}`) ? t(`errors.${error}` as 'errors.unknown') : error}
        </span>
      ) : !state.ok && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {t(`messages.${state.message}` as 'messages.saved', { reference: state.reference ?? '' })}
        </span>
      ) : null}
    </form>
  );
}
