import 'server-only';
import type { OperationResult } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { changeUser } from './change-user';
import { userIdSchema } from './schemas';

/** Lets a disabled account sign in again. */
export async function enableUser(session: StaffSession | null, input: { userId: string }): Promise<OperationResult<{ userId: string }>> {
  const actor = await authorize(session, 'users.enable');
  const { userId } = userIdSchema.parse(input);
  return changeUser(actor, userId, {
    action: 'user.enable',
    patch: (current) => (current.disabledAt ? { disabledAt: null } : { error: 'notDisabled' }),
  });
}
