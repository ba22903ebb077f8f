'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { caseRulesSchema } from '@/lib/cases/schemas';

type Rules = { requireSecondApproval: boolean; reviewAfterDays: number };
type Action = (state: ActionState<Rules>, formData: FormData) => Promise<ActionState<Rules>>;

export function CaseRulesForm({ action, rules }: { action: Action; rules: Rules }) {
  const t = useTranslations('advocacy.rules');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(caseRulesSchema, action, rules, 'advocacy');
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {message ? <Notice tone={state.ok ? 'success' : 'error'}>{message}</Notice> : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" {...form.register('requireSecondApproval')} />
        <span>
          <span className="font-medium">{t('requireSecondApproval')}</span>
          <span className="block text-stone-600">{t('requireSecondApprovalHelp')}</span>
        </span>
      </label>
      <Field id="review-days" inputMode="numeric" label={t('reviewAfterDays')} help={t('reviewAfterDaysHelp')} error={errorFor('reviewAfterDays')} {...form.register('reviewAfterDays')} />
      <Button type="submit" disabled={pending}>
        {t('save')}
      </Button>
    </form>
  );
}
