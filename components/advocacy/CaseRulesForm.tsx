'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { caseRulesSchema } from '@/lib/cases/schemas';

type Rules = { requireSecondApproval: boolean; reviewAfterDays: number; allowUrgentCorrections: boolean };
type Saved = { rules: Rules; outcome: 'applied' | 'proposed' };
type Action = (state: ActionState<Saved>, formData: FormData) => Promise<ActionState<Saved>>;

/**
 * The case rules. Rules that let fewer people decide what goes public (second approval off, urgent
 * corrections on) are only proposed by one admin: the server applies them when another admin saves the same.
 */
export function CaseRulesForm({ action, rules }: { action: Action; rules: Rules }) {
  const t = useTranslations('advocacy.rules');
  const { form, state, pending, onSubmit, errorFor, message } = useActionForm(caseRulesSchema, action, rules, 'advocacy');
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" data-testid="case-rules-form">
      {message ? (
        <Notice tone={state.ok ? (state.value?.outcome === 'proposed' ? 'warning' : 'success') : 'error'}>
          {message}
          {state.ok && state.value ? ` ${t(`outcome.${state.value.outcome}`)}` : null}
        </Notice>
      ) : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" {...form.register('requireSecondApproval')} />
        <span>
          <span className="font-medium">{t('requireSecondApproval')}</span>
          <span className="block text-stone-600">{t('requireSecondApprovalHelp')}</span>
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" {...form.register('allowUrgentCorrections')} />
        <span>
          <span className="font-medium">{t('allowUrgentCorrections')}</span>
          <span className="block text-stone-600">{t('allowUrgentCorrectionsHelp')}</span>
        </span>
      </label>
      <Field id="review-days" inputMode="numeric" label={t('reviewAfterDays')} help={t('reviewAfterDaysHelp')} error={errorFor('reviewAfterDays')} {...form.register('reviewAfterDays')} />
      <Button type="submit" disabled={pending}>
        {t('save')}
      </Button>
    </form>
  );
}
