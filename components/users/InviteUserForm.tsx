'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { inviteUserSchema, STAFF_ROLES } from '@/lib/users/schemas';

type Invitation = { userId: string; link: string; expiresAt: string; emailed: boolean };
type Action = (state: ActionState<Invitation>, formData: FormData) => Promise<ActionState<Invitation>>;

export function InviteUserForm({ action }: { action: Action }) {
  const t = useTranslations('staff');
  const format = useFormatter();
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(inviteUserSchema, action, {
    email: '',
    displayName: '',
    role: 'advocate',
    internalAccess: false,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {state.ok && state.value ? (
        <Notice tone="success">
          <p>
            {t('users.invitationCreated', {
              email: form.getValues('email'),
              expires: format.dateTime(new Date(state.value.expiresAt), { dateStyle: 'medium', timeStyle: 'short' }),
            })}{' '}
            {state.value.emailed ? t('users.invitationEmailed') : null}
          </p>
          <p className="mt-2 break-all font-mono" data-testid="invitation-link">
            {state.value.link}
          </p>
        </Notice>
      ) : message ? (
        <Notice tone="error">{message}</Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="inviteEmail" type="email" autoComplete="off" label={t('users.email')} error={errorFor('email')} {...form.register('email')} />
        <Field id="inviteName" autoComplete="off" label={t('users.displayName')} error={errorFor('displayName')} {...form.register('displayName')} />
      </div>
      <div className="space-y-1">
        <label htmlFor="inviteRole" className="block text-sm font-medium">
          {t('users.role')}
        </label>
        <select id="inviteRole" className="rounded border border-stone-300 bg-white px-3 py-2 text-sm" {...form.register('role')}>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register('internalAccess')} />
        {t('users.internalAccess')}
      </label>
      <Button type="submit" disabled={pending}>
        {t('users.invite')}
      </Button>
    </form>
  );
}
