'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { SelectField } from '@/components/ui/SelectField';
import { TextAreaField } from '@/components/ui/TextAreaField';
import type { ActionState } from '@/lib/operations/result';
import { type CaseFieldsInput, createCaseSchema, updateCaseSchema } from '@/lib/cases/schemas';
import { CASE_LIFECYCLES, FAMILY_CONSENT_STATUSES, PUBLICITY_MODES, URGENCY_LEVELS } from '@/lib/cases/vocabulary';
import { useRouter } from '@/lib/i18n/navigation';
import { Withheld } from './Withheld';

type Saved = { caseId: string };
type Action = (state: ActionState<Saved>, formData: FormData) => Promise<ActionState<Saved>>;

const EMPTY: CaseFieldsInput = {
  slug: '',
  title: '',
  publicSummary: '',
  internalNotes: '',
  urgency: 'moderate',
  lifecycle: 'draft',
  publicityMode: 'internal_only',
  familyConsentStatus: 'not_asked',
  familyConsentRecordedOn: '',
  consentWaiverReason: '',
  nextReviewOn: '',
};

/**
 * Creates a case (then opens it) or edits one. Publishing is not here: it needs consent and approval.
 * With `notesWithheld` the internal notes read "restricted" and the save keeps them.
 */
export function CaseForm({ action, caseId, initial, notesWithheld = false }: { action: Action; caseId?: string; initial?: CaseFieldsInput; notesWithheld?: boolean }) {
  const t = useTranslations('advocacy');
  const tRoot = useTranslations();
  const router = useRouter();
  const { form, field, state, pending, onSubmit, errorFor, message } = useActionForm(
    caseId ? updateCaseSchema : createCaseSchema,
    action,
    { ...EMPTY, ...initial, ...(caseId ? { caseId } : {}) },
    'advocacy',
  );
  useEffect(() => {
    if (!caseId && state.ok && state.value) router.push(`/admin/cases/${state.value.caseId}`);
  }, [caseId, state, router]);
  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: tRoot(`${prefix}.${value}` as 'urgency.low') }));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="case-form">
      {message ? <Notice tone={state.ok ? 'success' : 'error'}>{message}</Notice> : null}
      {errorFor('form') ? <Notice tone="error">{errorFor('form')}</Notice> : null}
      {caseId ? <input type="hidden" {...field('caseId')} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="case-title" label={t('case.title')} error={errorFor('title')} {...form.register('title')} />
        <Field id="case-slug" label={t('case.slug')} help={t('case.slugHelp')} error={errorFor('slug')} {...form.register('slug')} />
      </div>
      <TextAreaField id="case-summary" rows={5} label={t('case.publicSummary')} help={t('case.publicSummaryHelp')} error={errorFor('publicSummary')} {...form.register('publicSummary')} />
      {notesWithheld ? (
        <Withheld label={t('case.internalNotes')} />
      ) : (
        <TextAreaField id="case-notes" label={t('case.internalNotes')} help={t('internalHelp')} error={errorFor('internalNotes')} {...form.register('internalNotes')} />
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField id="case-urgency" label={t('case.urgency')} options={options(URGENCY_LEVELS, 'urgency')} error={errorFor('urgency')} {...form.register('urgency')} />
        <SelectField id="case-lifecycle" label={t('case.lifecycle')} options={options(CASE_LIFECYCLES, 'advocacy.lifecycle')} error={errorFor('lifecycle')} {...form.register('lifecycle')} />
        <SelectField id="case-publicity" label={t('case.publicityMode')} options={options(PUBLICITY_MODES, 'advocacy.publicityMode')} error={errorFor('publicityMode')} {...form.register('publicityMode')} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField id="case-consent" label={t('case.familyConsent')} options={options(FAMILY_CONSENT_STATUSES, 'advocacy.consent')} error={errorFor('familyConsentStatus')} {...form.register('familyConsentStatus')} />
        <Field id="case-consent-date" type="date" label={t('case.familyConsentRecordedOn')} error={errorFor('familyConsentRecordedOn')} {...form.register('familyConsentRecordedOn')} />
        <Field id="case-review" type="date" label={t('case.nextReviewOn')} error={errorFor('nextReviewOn')} {...form.register('nextReviewOn')} />
      </div>
      <TextAreaField id="case-waiver" label={t('case.consentWaiverReason')} help={t('case.consentWaiverHelp')} error={errorFor('consentWaiverReason')} {...form.register('consentWaiverReason')} />
      <Button type="submit" disabled={pending}>
        {caseId ? t('save') : t('case.create')}
      </Button>
    </form>
  );
}
