import 'server-only';
import type { OperationResult } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { changeUser } from './change-user';
import { changeUserRoleSchema, type ChangeUserRoleInput } from './schemas';

/** Gives another account a new role; its open sessions end. */
export async function changeUserRole(session: StaffSession | null, input: ChangeUserRoleInput): Promise<OperationResult<{ userId: string }>> {
  const actor = await authorize(session, 'users.changeRole');
  const { userId, role } = changeUserRoleSchema.parse(input);
  return changeUser(actor, userId, { action: 'user.change_role', patch: () => ({ role }) });
}
