import 'server-only';
import { eq } from 'drizzle-orm';
import { recoveryCodes } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { changeUser } from './change-user';
import { userIdSchema } from './schemas';

/**
 * For a lost phone: removes another account's authenticator and recovery codes and ends its sessions.
 * If two-factor sign-in is required for it, the account must set it up again before anything else.
 */
export const resetTwoFactor = defineOperation({
  name: 'users.resetTwoFactor',
  input: userIdSchema,
  writes: true,
  changesPublicView: false,
  run: (context, { userId }) =>
    changeUser(context, userId, {
      action: 'user.reset_two_factor',
      patch: (current) =>
        current.totpEnabledAt ? { totpSecretEncrypted: null, totpEnabledAt: null, totpLastUsedStep: null } : { error: 'twoFactorNotEnabled' },
      after: async (tx) => {
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      },
    }),
});
