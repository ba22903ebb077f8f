/**
 * The wrapper of server actions whose operations are not yet declared with defineOperation
 * (lib/operations): it goes away when the last one is. New actions use `toAction`.
 */
import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getStaffSession } from '@/lib/auth/get-staff-session';
import type { StaffSession } from '@/lib/auth/staff-session';
import { failureState, formValues } from '@/lib/operations/adapters';
import { type ActionState, type OperationResult, zodFieldErrors } from '@/lib/operations/result';

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
      revalidatePath('/', 'layout');
      return { ok: true, message: successMessage, value: result.value };
    } catch (error) {
      return failureState<T>(error);
    }
  };
}
