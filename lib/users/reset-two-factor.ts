import 'server-only';
import { eq } from 'drizzle-orm';
import { recoveryCodes } from '@/db/schema';
import type { OperationResult } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { changeUser } from './change-user';
import { userIdSchema } from './schemas';

/**
 * For a lost phone: removes another account's authenticator and recovery codes and ends its sessions.
 * If two-factor sign-in is required for it, the account must set it up again before anything else.
 */
export async function resetTwoFactor(session: StaffSession | null, input: { userId: string }): Promise<OperationResult<{ userId: string }>> {
  const actor = await authorize(session, 'users.resetTwoFactor');
  const { userId } = userIdSchema.parse(input);
  return changeUser(actor, userId, {
    action: 'user.reset_two_factor',
    patch: (current) =>
      current.totpEnabledAt ? { totpSecretEncrypted: null, totpEnabledAt: null, totpLastUsedStep: null } : { error: 'twoFactorNotEnabled' },
    after: async (tx) => {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    },
  });
}
