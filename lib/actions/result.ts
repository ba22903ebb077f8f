/** What a staff operation returns: its value, or errors the person can fix, keyed by form field. */
export type FieldErrors = Record<string, string>;

export type OperationResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

export function succeeded<T>(value: T): OperationResult<T> {
  return { ok: true, value };
}

export function fieldError(field: string, message: string): { ok: false; fieldErrors: FieldErrors } {
  return { ok: false, fieldErrors: { [field]: message } };
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
