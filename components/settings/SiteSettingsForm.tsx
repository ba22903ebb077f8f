'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { siteSettingsSchema } from '@/lib/settings/schemas';

type Settings = { requireTwoFactor: boolean };
type Action = (state: ActionState<Settings>, formData: FormData) => Promise<ActionState<Settings>>;

export function SiteSettingsForm({ action, settings }: { action: Action; settings: Settings }) {
  const t = useTranslations('staff.settings');
  const { form, state, pending, onSubmit, message } = useActionForm(siteSettingsSchema, action, settings);
  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-4">
      {message ? <Notice tone={state.ok ? 'success' : 'error'}>{message}</Notice> : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" {...form.register('requireTwoFactor')} />
        <span>
          <span className="font-medium">{t('requireTwoFactor')}</span>
          <span className="block text-stone-600">{t('requireTwoFactorHelp')}</span>
        </span>
      </label>
      <Button type="submit" disabled={pending}>
        {t('save')}
      </Button>
    </form>
  );
}
