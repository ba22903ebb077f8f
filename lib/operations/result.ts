import type { z } from 'zod';

/** What a staff operation returns: its value, or errors the person can fix, keyed by form field. */
export type FieldErrors = Record<string, string>;

export type OperationResult<T> = { ok: true; value: T } | OperationFailure;

/** Errors the person can fix, by field; `missing` when the record acted on does not exist (404). */
export type OperationFailure = { ok: false; fieldErrors: FieldErrors; missing?: true };

export function succeeded<T>(value: T): OperationResult<T> {
  return { ok: true, value };
}

export function fieldError(field: string, message: string): OperationFailure {
  return { ok: false, fieldErrors: { [field]: message } };
}

/** The record the input names does not exist: a route answers 404, a page shows "not found". */
export function missingRecord(field: string, message = 'recordInvalid'): OperationFailure {
  return { ok: false, fieldErrors: { [field]: message }, missing: true };
}

/**
 * What a server action hands back to its form (useActionState): field errors and a message, both
 * catalog keys under "errors"/"messages", and on success the value the form shows (a link, codes).
 * `reference` names a logged server error.
 */
export interface ActionState<T = undefined> {
  ok: boolean;
  errors?: FieldErrors;
  message?: string;
  reference?: string;
  value?: T;
}

/** A zod failure as field errors: the first message for each field ("form" for the whole input). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}
