'use server';

import { headers } from 'next/headers';
import type { ActionState } from '@/lib/operations/result';
import { failureState, formValues } from '@/lib/operations/adapters';
import { zodFieldErrors } from '@/lib/operations/result';
import { clientAddress } from '@/lib/http/client-address';
import { acceptInvitationSchema } from '@/lib/auth/schemas';
import { type AcceptedInvitation, acceptInvitation } from '@/lib/users/accept-invitation';

/** No session here: the one-time token in the form is what authorizes the change. */
export async function acceptInvitationAction(_state: ActionState<AcceptedInvitation>, formData: FormData): Promise<ActionState<AcceptedInvitation>> {
  const parsed = acceptInvitationSchema.safeParse(formValues(formData));
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error), message: 'checkFields' };
  try {
    const result = await acceptInvitation(parsed.data, clientAddress(await headers()));
    if (!result.ok) return { ok: false, errors: result.fieldErrors, message: 'checkFields' };
    return { ok: true, value: result.value };
  } catch (error) {
    return failureState(error);
  }
}
