import 'server-only';
import { defineOperation } from '@/lib/operations/define-operation';
import { changeUser } from './change-user';
import { changeUserRoleSchema } from './schemas';

/** Gives another account a new role; its open sessions end. */
export const changeUserRole = defineOperation({
  name: 'users.changeRole',
  input: changeUserRoleSchema,
  writes: true,
  changesPublicView: false,
  run: (context, { userId, role }) => changeUser(context, userId, { action: 'user.change_role', patch: () => ({ role }) }),
});
