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
import { correctEventSchema, createEventSchema, updateEventSchema } from '@/lib/cases/schemas';
import {
  CUSTODY_STATUSES,
  DATE_PRECISIONS,
  EVENT_VISIBILITIES,
  SOURCE_KINDS,
  SUGGESTED_CUSTODY_BY_EVENT,
  TIMELINE_EVENT_TYPES,
  type TimelineEventType,
} from '@/lib/cases/vocabulary';
import { Withheld } from './Withheld';

type Saved = { eventId: string; publication: 'published' | 'pending' | null };
type Action = (state: ActionState<Saved>, formData: FormData) => Promise<ActionState<Saved>>;
export type EventFormMode = 'create' | 'update' | 'correct';

export interface EventFormValues {
  occurredOn: string;
  occurredPrecision: string;
  endedOn: string;
  eventType: string;
  title: string;
  description: string;
  place: string;
  visibility: string;
  disputed: boolean;
  internalNotes: string;
  personIds: string[];
  sourceIds: string[];
}

const schemas = { create: createEventSchema, update: updateEventSchema, correct: correctEventSchema } as const;

/**
 * The timeline editor's form: add an event, edit an internal one, or correct a public one in the open.
 * It offers to move the people concerned to the custody status the event reports, in the same step.
 */
export function EventForm({
  action,
  mode,
  caseId,
  eventId,
  initial,
  people,
  sources,
  notesWithheld = false,
  allowUrgent = false,
}: {
  action: Action;
  mode: EventFormMode;
  caseId: string;
  eventId?: string;
  initial?: EventFormValues;
  people: { id: string; alias: string }[];
  sources: { id: string; label: string }[];
  /** The reader may not see the internal notes: they read "restricted", and the save keeps them. */
  notesWithheld?: boolean;
  /** The case rules allow an urgent correction to go public at once, with a reason (correct mode only). */
  allowUrgent?: boolean;
}) {
  const t = useTranslations('advocacy');
  const tRoot = useTranslations();
  const prefix = eventId ? `event-${eventId.slice(0, 8)}-${mode}` : 'new-event';
  const { form, field, setField, state, pending, onSubmit, errorFor, message } = useActionForm(
    schemas[mode],
    action,
    {
      caseId,
      occurredOn: '',
      occurredPrecision: 'day',
      endedOn: '',
      eventType: 'report',
      title: '',
      description: '',
      place: '',
      visibility: 'internal',
      disputed: false,
      internalNotes: '',
      publicationNote: '',
      updateCustody: false,
      custodyStatus: '',
      custodyPlace: '',
      newSourceKind: '',
      newSourceAttribution: '',
      newSourceName: '',
      newSourceUrl: '',
      newSourceMayBeNamed: false,
      newSourceOrigin: '',
      ...initial,
      personIds: initial?.personIds.join(',') ?? '',
      sourceIds: initial?.sourceIds.join(',') ?? '',
      ...(eventId ? { eventId } : {}),
      ...(mode === 'correct' ? { publicReason: '', correctionNote: '', urgentReason: '' } : {}),
    },
    'advocacy',
  );
  useEffect(() => {
    // A new event is saved: clear the form for the next one.
    if (mode === 'create' && state.ok) form.reset();
  }, [mode, state, form]);
  const values = form.watch() as unknown as Record<string, string | boolean>;
  const selected = (field: 'personIds' | 'sourceIds') => String(values[field] ?? '').split(',').filter(Boolean);
  const toggle = (field: 'personIds' | 'sourceIds', id: string, on: boolean) => {
    const next = new Set(selected(field));
    if (on) next.add(id);
    else next.delete(id);
    setField(field, [...next].join(','));
  };
  const suggestion = SUGGESTED_CUSTODY_BY_EVENT[values.eventType as TimelineEventType];
  const options = (list: readonly string[], key: string) => list.map((value) => ({ value, label: tRoot(`${key}.${value}` as 'urgency.low') }));
  
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid={`event-form-${mode}`}>
      {message ? (
        <Notice tone={state.ok ? 'success' : 'error'}>
          {message}
          {state.ok && state.value?.publication ? ` ${t(`publication.outcome.${state.value.publication}`)}` : null}
        </Notice>
      ) : null}
      {errorFor('form') ? <Notice tone="error">{errorFor('form')}</Notice> : null}
      <input type="hidden" {...field('caseId')} />
      {eventId ? <input type="hidden" {...field('eventId')} /> : null}
      <input type="hidden" {...field('personIds')} />
      <input type="hidden" {...field('sourceIds')} />
      <div className="grid gap-3 sm:grid-cols-4">
        <Field id={`${prefix}-date`} type="date" label={t('event.occurredOn')} error={errorFor('occurredOn')} {...field('occurredOn')} />
        <SelectField id={`${prefix}-precision`} label={t('datePrecision')} options={options(DATE_PRECISIONS, 'advocacy.precision')} error={errorFor('occurredPrecision')} {...field('occurredPrecision')} />
        <Field id={`${prefix}-end`} type="date" label={t('event.endedOn')} error={errorFor('endedOn')} {...field('endedOn')} />
        <SelectField id={`${prefix}-type`} label={t('event.eventType')} options={options(TIMELINE_EVENT_TYPES, 'eventType')} error={errorFor('eventType')} {...field('eventType')} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${prefix}-title`} label={t('event.title')} error={errorFor('title')} {...field('title')} />
        <Field id={`${prefix}-place`} label={t('event.place')} error={errorFor('place')} {...field('place')} />
      </div>
      <TextAreaField id={`${prefix}-description`} label={t('event.description')} error={errorFor('description')} {...field('description')} />
      <div className="grid gap-3 sm:grid-cols-2">
        {mode === 'correct' ? (
          <input type="hidden" {...field('visibility')} />
        ) : (
          <SelectField id={`${prefix}-visibility`} label={t('event.visibility')} options={options(EVENT_VISIBILITIES, 'advocacy.visibility')} error={errorFor('visibility')} {...field('visibility')} />
        )}
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" {...field('disputed')} />
          {t('event.disputed')}
        </label>
      </div>
      {values.visibility === 'public' && mode !== 'correct' ? (
        <TextAreaField id={`${prefix}-publication-note`} label={t('publication.note')} help={t('publication.noteHelp')} error={errorFor('publicationNote')} {...field('publicationNote')} />
      ) : null}

      <fieldset className="rounded border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium">{t('event.people')}</legend>
        {people.length === 0 ? <p className="text-sm text-stone-600">{t('event.noPeople')}</p> : null}
        <div className="flex flex-wrap gap-4">
          {people.map((person) => (
            <label key={person.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={selected('personIds').includes(person.id)} onChange={(event) => toggle('personIds', person.id, event.target.checked)} />
              {person.alias}
            </label>
          ))}
        </div>
        {errorFor('personIds') ? <p role="alert" className="mt-1 text-sm text-red-700">{errorFor('personIds')}</p> : null}
        <div className="mt-3 space-y-2 rounded bg-stone-50 p-2">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" {...field('updateCustody')} />
            {suggestion ? t('event.updateCustodySuggested', { status: tRoot(`custodyStatus.${suggestion}`) }) : t('event.updateCustody')}
          </label>
          {values.updateCustody ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                id={`${prefix}-custody`}
                label={t('person.custodyStatus')}
                options={[{ value: '', label: '—' }, ...options(CUSTODY_STATUSES, 'custodyStatus')]}
                error={errorFor('custodyStatus')}
                {...field('custodyStatus')}
              />
              <Field id={`${prefix}-custody-place`} label={t('person.custodyPlace')} help={t('event.custodyPlaceHelp')} error={errorFor('custodyPlace')} {...field('custodyPlace')} />
              {suggestion && values.custodyStatus !== suggestion ? (
                <Button type="button" tone="secondary" className="sm:col-span-2 justify-self-start" onClick={() => setField('custodyStatus', suggestion)}>
                  {t('event.useSuggestion', { status: tRoot(`custodyStatus.${suggestion}`) })}
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="rounded border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium">{t('event.sources')}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {sources.map((source) => (
            <label key={source.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={selected('sourceIds').includes(source.id)} onChange={(event) => toggle('sourceIds', source.id, event.target.checked)} />
              {source.label}
            </label>
          ))}
        </div>
        {errorFor('sourceIds') ? <p role="alert" className="mt-1 text-sm text-red-700">{errorFor('sourceIds')}</p> : null}
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-vigil">{t('event.addSource')}</summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <SelectField id={`${prefix}-source-kind`} label={t('source.kind')} options={[{ value: '', label: '—' }, ...options(SOURCE_KINDS, 'sourceKind')]} error={errorFor('newSourceKind')} {...field('newSourceKind')} />
            <Field id={`${prefix}-source-attribution`} label={t('source.publicAttribution')} help={t('source.publicAttributionHelp')} error={errorFor('newSourceAttribution')} {...field('newSourceAttribution')} />
            <Field id={`${prefix}-source-name`} label={t('source.name')} error={errorFor('newSourceName')} {...field('newSourceName')} />
            <Field id={`${prefix}-source-url`} label={t('source.url')} error={errorFor('newSourceUrl')} {...field('newSourceUrl')} />
            <Field id={`${prefix}-source-origin`} label={t('source.origin')} help={t('source.originHelp')} error={errorFor('newSourceOrigin')} {...field('newSourceOrigin')} />
            <label className="flex items-center gap-2 self-end text-sm">
              <input type="checkbox" {...field('newSourceMayBeNamed')} />
              {t('source.mayBeNamed')}
            </label>
          </div>
        </details>
      </fieldset>

      {notesWithheld ? (
        <Withheld label={t('event.internalNotes')} />
      ) : (
        <TextAreaField id={`${prefix}-notes`} label={t('event.internalNotes')} help={t('internalHelp')} error={errorFor('internalNotes')} {...field('internalNotes')} />
      )}
      {mode === 'correct' ? (
        <div className="grid gap-3 rounded border border-amber-300 bg-amber-50 p-3 sm:grid-cols-2">
          <Field id={`${prefix}-reason`} label={t('correction.publicReason')} help={t('correction.publicReasonHelp')} error={errorFor('publicReason')} {...field('publicReason')} />
          <Field id={`${prefix}-correction-note`} label={t('correction.internalNote')} help={t('internalHelp')} error={errorFor('correctionNote')} {...field('correctionNote')} />
          {allowUrgent ? (
            <div className="sm:col-span-2">
              <Field id={`${prefix}-urgent`} label={t('correction.urgentReason')} help={t('correction.urgentReasonHelp')} error={errorFor('urgentReason')} {...field('urgentReason')} />
            </div>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t(`event.submit.${mode}`)}
      </Button>
    </form>
  );
}
