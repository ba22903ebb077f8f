import 'server-only';
import { defineOperation } from '@/lib/operations/define-operation';
import { changeUser } from './change-user';
import { setInternalAccessSchema } from './schemas';

/** Grants or withdraws internal access (names, whereabouts, sources); the account's sessions end. */
export const setInternalAccess = defineOperation({
  name: 'users.setInternalAccess',
  input: setInternalAccessSchema,
  writes: true,
  changesPublicView: false,
  run: (context, { userId, internalAccess }) =>
    changeUser(context, userId, {
      action: internalAccess ? 'user.grant_internal_access' : 'user.withdraw_internal_access',
      patch: () => ({ internalAccess }),
    }),
});
