import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { enableTwoFactorSchema } from '@/lib/auth/schemas';
import { matchTotpStep } from '@/lib/auth/totp';
import { encryptTotpSecret, openEnrollment, replaceRecoveryCodes } from '@/lib/auth/two-factor';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';

/** Turns on two-factor sign-in with the authenticator that produced `totpCode`; returns the recovery codes. */
export const enableTwoFactor = defineOperation({
  name: 'account.enableTwoFactor',
  input: enableTwoFactorSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, audit, session: me }, { enrollment, totpCode }) {
    if (me.twoFactorEnabled) return fieldError('totpCode', 'twoFactorAlreadyEnabled');
    const secret = openEnrollment(me.userId, enrollment);
    if (!secret) return fieldError('totpCode', 'enrollmentExpired');
    const step = matchTotpStep(secret, totpCode);
    if (step === null) return fieldError('totpCode', 'totpCodeWrong');
    const enabled = await tx
      .update(users)
      .set({ totpSecretEncrypted: encryptTotpSecret(me.userId, secret), totpEnabledAt: sql`now()`, totpLastUsedStep: step, updatedAt: sql`now()` })
      .where(and(eq(users.id, me.userId), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (enabled.length === 0) return fieldError('totpCode', 'twoFactorAlreadyEnabled');
    const recoveryCodes = await replaceRecoveryCodes(tx, me.userId);
    await audit({
      action: 'account.enable_two_factor',
      entityType: 'user',
      entityId: me.userId,
      before: { twoFactorEnabled: false },
      after: { twoFactorEnabled: true, recoveryCodes: recoveryCodes.length },
    });
    return succeeded({ recoveryCodes });
  },
});
