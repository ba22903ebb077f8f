import 'server-only';
import type { OperationResult } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { changeUser } from './change-user';
import { setInternalAccessSchema, type SetInternalAccessInput } from './schemas';

/** Grants or withdraws internal access (names, whereabouts, sources); the account's sessions end. */
export async function setInternalAccess(
  session: StaffSession | null,
  input: SetInternalAccessInput,
): Promise<OperationResult<{ userId: string }>> {
  const actor = await authorize(session, 'users.setInternalAccess');
  const { userId, internalAccess } = setInternalAccessSchema.parse(input);
  return changeUser(actor, userId, {
    action: internalAccess ? 'user.grant_internal_access' : 'user.withdraw_internal_access',
    patch: () => ({ internalAccess }),
  });
}
