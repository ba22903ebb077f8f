/**
 * The one wrapper for staff server actions: reads the session, parses the form with the operation's
 * zod schema (field errors back to the form, nothing written), runs the operation, and turns a refusal
 * or an unexpected error into a message. A server action is a public endpoint: the operation it calls
 * authorizes the session itself.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getStaffSession } from '@/lib/auth/get-staff-session';
import { ForbiddenError } from '@/lib/auth/permissions';
import type { StaffSession } from '@/lib/auth/staff-session';
import type { ActionState, FieldErrors, OperationResult } from './result';

export function formValues(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}

export function failureState<T>(error: unknown): ActionState<T> {
  if (error instanceof ForbiddenError) {
    return { ok: false, message: error.reason === 'unauthenticated' ? 'signedOut' : 'forbidden' };
  }
  const reference = randomUUID().slice(0, 8);
  console.error(`[vigil] server action failed (reference ${reference})`, error);
  return { ok: false, message: 'unexpected', reference };
}

export function staffAction<Schema extends z.ZodType, T>(
  schema: Schema,
  operation: (session: StaffSession | null, input: z.output<Schema>) => Promise<OperationResult<T>>,
  successMessage = 'saved',
): (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
  return async (_previous, formData) => {
    const parsed = schema.safeParse(formValues(formData));
    if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error), message: 'checkFields' };
    try {
      const session = await getStaffSession();
      const result = await operation(session, parsed.data);
      if (!result.ok) return { ok: false, errors: result.fieldErrors, message: 'checkFields' };
      // Staff pages are rendered per request: refresh the one the form is on.
      revalidatePath('/', 'layout');
      return { ok: true, message: successMessage, value: result.value };
    } catch (error) {
      return failureState<T>(error);
    }
  };
}
