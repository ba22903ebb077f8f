'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { SelectField } from '@/components/ui/SelectField';
import { TextAreaField } from '@/components/ui/TextAreaField';
import type { ActionState } from '@/lib/operations/result';
import { createPersonSchema, type PersonFieldsInput, updatePersonSchema } from '@/lib/cases/schemas';
import { CUSTODY_STATUSES, DATE_PRECISIONS, PERSON_RELATIONS } from '@/lib/cases/vocabulary';
import { Withheld } from './Withheld';

type Action = (state: ActionState<{ personId: string }>, formData: FormData) => Promise<ActionState<{ personId: string }>>;

/**
 * Adds a person to a case, or edits one (personId given). The legal name and notes stay internal; a
 * reader without internal access sees "restricted" in their place (`withheld`) and the save keeps them.
 */
export function PersonForm({
  action,
  caseId,
  personId,
  initial,
  withheld = { legalName: false, internalNotes: false },
}: {
  action: Action;
  caseId: string;
  personId?: string;
  initial?: Partial<PersonFieldsInput>;
  withheld?: { legalName: boolean; internalNotes: boolean };
}) {
  const t = useTranslations('advocacy');
  const tRoot = useTranslations();
  const prefix = personId ? `person-${personId.slice(0, 8)}` : 'new-person';
  const { form, field, state, pending, onSubmit, errorFor, message } = useActionForm(
    personId ? updatePersonSchema : createPersonSchema,
    action,
    {
      caseId,
      publicAlias: '',
      legalName: '',
      relation: 'principal',
      birthYear: '',
      custodyStatus: 'unknown',
      custodyPlace: '',
      custodyAsOf: '',
      custodyAsOfPrecision: 'day',
      internalNotes: '',
      ...initial,
      ...(personId ? { personId } : {}),
    },
    'advocacy',
  );
  const options = (values: readonly string[], key: string) => values.map((value) => ({ value, label: tRoot(`${key}.${value}` as 'urgency.low') }));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid={personId ? 'person-form' : 'new-person-form'}>
      {message ? <Notice tone={state.ok ? 'success' : 'error'}>{message}</Notice> : null}
      <input type="hidden" {...form.register('caseId')} />
      {personId ? <input type="hidden" {...field('personId')} /> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${prefix}-alias`} label={t('person.publicAlias')} help={t('person.publicAliasHelp')} error={errorFor('publicAlias')} {...form.register('publicAlias')} />
        {withheld.legalName ? (
          <Withheld label={t('person.legalName')} />
        ) : (
          <Field id={`${prefix}-legal`} label={t('person.legalName')} help={t('internalHelp')} error={errorFor('legalName')} {...form.register('legalName')} />
        )}
        <SelectField id={`${prefix}-relation`} label={t('person.relation')} options={options(PERSON_RELATIONS, 'relation')} error={errorFor('relation')} {...form.register('relation')} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${prefix}-birth`} inputMode="numeric" label={t('person.birthYear')} error={errorFor('birthYear')} {...form.register('birthYear')} />
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" {...form.register('birthYearApproximate')} />
          {t('person.birthYearApproximate')}
        </label>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" {...form.register('isMinor')} />
          {t('person.isMinor')}
        </label>
      </div>
      <div className="grid gap-3 sm:grid-cols-4">
        <SelectField id={`${prefix}-custody`} label={t('person.custodyStatus')} options={options(CUSTODY_STATUSES, 'custodyStatus')} error={errorFor('custodyStatus')} {...form.register('custodyStatus')} />
        <Field id={`${prefix}-place`} label={t('person.custodyPlace')} error={errorFor('custodyPlace')} {...form.register('custodyPlace')} />
        <Field id={`${prefix}-asof`} type="date" label={t('person.custodyAsOf')} error={errorFor('custodyAsOf')} {...form.register('custodyAsOf')} />
        <SelectField id={`${prefix}-precision`} label={t('datePrecision')} options={options(DATE_PRECISIONS, 'advocacy.precision')} error={errorFor('custodyAsOfPrecision')} {...form.register('custodyAsOfPrecision')} />
      </div>
      {withheld.internalNotes ? (
        <Withheld label={t('person.internalNotes')} />
      ) : (
        <TextAreaField id={`${prefix}-notes`} label={t('person.internalNotes')} help={t('internalHelp')} error={errorFor('internalNotes')} {...form.register('internalNotes')} />
      )}
      <Button type="submit" disabled={pending}>
        {personId ? t('save') : t('person.add')}
      </Button>
    </form>
  );
}
