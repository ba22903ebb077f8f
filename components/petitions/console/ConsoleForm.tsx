'use client';

import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import {
  addBlocklistEntrySchema,
  createPetitionSchema,
  invalidateSignaturesSchema,
  markDeliveredSchema,
  petitionIdSchema,
  releaseHeldSignaturesSchema,
  removeBlocklistEntrySchema,
  restoreSignaturesSchema,
  sitePauseSchema,
  startPetitionEventSchema,
  updatePetitionSchema,
} from '@/lib/petitions/schemas';

// Schemas cannot travel from a server page to the browser: forms name theirs.
const SCHEMAS = {
  createPetition: createPetitionSchema,
  updatePetition: updatePetitionSchema,
  petitionId: petitionIdSchema,
  markDelivered: markDeliveredSchema,
  invalidateSignatures: invalidateSignaturesSchema,
  restoreSignatures: restoreSignaturesSchema,
  releaseHeldSignatures: releaseHeldSignaturesSchema,
  addBlocklistEntry: addBlocklistEntrySchema,
  removeBlocklistEntry: removeBlocklistEntrySchema,
  sitePause: sitePauseSchema,
  startPetitionEvent: startPetitionEventSchema,
} as const;

export type ConsoleAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionState<unknown>>;

export interface ConsoleField {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'date' | 'datetime-local' | 'textarea' | 'select' | 'checkbox' | 'hidden';
  options?: { value: string; label: string }[];
  help?: string;
}

/**
 * One organizer form: fields described as data, checked in the browser with the operation's zod
 * schema, posted to its server action (which checks again), errors at their fields.
 */
export function ConsoleForm({
  schema,
  action,
  fields,
  defaults,
  submit,
  tone = 'primary',
  idPrefix,
  children,
}: {
  schema: keyof typeof SCHEMAS;
  action: ConsoleAction;
  fields: ConsoleField[];
  defaults?: Record<string, unknown>;
  submit: string;
  tone?: 'primary' | 'secondary' | 'danger';
  idPrefix: string;
  children?: ReactNode;
}) {
  const checked: z.ZodType<FieldValues, FieldValues> = SCHEMAS[schema];
  const { field: register, state, pending, onSubmit, errorFor, message } = useActionForm(checked, action, defaults, 'petitionConsole');
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {message ? <Notice tone={state.ok ? 'success' : 'error'}>{message}</Notice> : null}
      {children}
      {fields.map((field) => {
        const error = errorFor(field.name);
        const registered = register(field.name);
        if (field.type === 'hidden') return <input key={field.name} type="hidden" {...registered} />;
        if (field.type === 'checkbox') {
          return (
            <label key={field.name} className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-1" {...registered} />
              <span>
                <span className="font-medium">{field.label}</span>
                {field.help ? <span className="block text-stone-600">{field.help}</span> : null}
              </span>
            </label>
          );
        }
        if (field.type === 'textarea' || field.type === 'select') {
          const className = 'block w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm';
          const describedBy = field.help ? id(`${field.name}-help`) : undefined;
          return (
            <div key={field.name} className="space-y-1">
              <label htmlFor={id(field.name)} className="block text-sm font-medium">
                {field.label}
              </label>
              {field.type === 'textarea' ? (
                <textarea id={id(field.name)} rows={6} className={className} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...registered} />
              ) : (
                <select id={id(field.name)} className={className} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...registered}>
                  {field.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              )}
              {field.help ? (
                <p id={describedBy} className="text-xs text-stone-600">
                  {field.help}
                </p>
              ) : null}
              {error ? (
                <p role="alert" className="text-sm text-red-700">
                  {error}
                </p>
              ) : null}
            </div>
          );
        }
        return <Field key={field.name} id={id(field.name)} label={field.label} help={field.help} type={field.type ?? 'text'} error={error} {...registered} />;
      })}
      <Button type="submit" tone={tone} disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}
