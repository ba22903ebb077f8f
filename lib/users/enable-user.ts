import 'server-only';
import { defineOperation } from '@/lib/operations/define-operation';
import { changeUser } from './change-user';
import { userIdSchema } from './schemas';

/** Lets a disabled account sign in again. */
export const enableUser = defineOperation({
  name: 'users.enable',
  input: userIdSchema,
  writes: true,
  changesPublicView: false,
  run: (context, { userId }) =>
    changeUser(context, userId, {
      action: 'user.enable',
      patch: (current) => (current.disabledAt ? { disabledAt: null } : { error: 'notDisabled' }),
    }),
});
