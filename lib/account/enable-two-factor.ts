import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import { enableTwoFactorSchema, type EnableTwoFactorInput } from '@/lib/auth/schemas';
import type { StaffSession } from '@/lib/auth/staff-session';
import { matchTotpStep } from '@/lib/auth/totp';
import { encryptTotpSecret, openEnrollment, replaceRecoveryCodes } from '@/lib/auth/two-factor';

/** Turns on two-factor sign-in with the authenticator that produced `totpCode`; returns the recovery codes. */
export async function enableTwoFactor(
  session: StaffSession | null,
  input: EnableTwoFactorInput,
): Promise<OperationResult<{ recoveryCodes: string[] }>> {
  const me = await authorize(session, 'account.enableTwoFactor');
  const data = enableTwoFactorSchema.parse(input);
  if (me.twoFactorEnabled) return fieldError('totpCode', 'twoFactorAlreadyEnabled');
  const secret = openEnrollment(me.userId, data.enrollment);
  if (!secret) return fieldError('totpCode', 'enrollmentExpired');
  const step = matchTotpStep(secret, data.totpCode);
  if (step === null) return fieldError('totpCode', 'totpCodeWrong');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const enabled = await tx
      .update(users)
      .set({
        totpSecretEncrypted: encryptTotpSecret(me.userId, secret),
        totpEnabledAt: sql`now()`,
        totpLastUsedStep: step,
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.id, me.userId), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (enabled.length === 0) return fieldError('totpCode', 'twoFactorAlreadyEnabled');
    const recoveryCodes = await replaceRecoveryCodes(tx, me.userId);
    await recordAudit(tx, { userId: me.userId, email: me.email, ip: me.ip }, {
      action: 'account.enable_two_factor',
      entityType: 'user',
      entityId: me.userId,
      before: { twoFactorEnabled: false },
      after: { twoFactorEnabled: true, recoveryCodes: recoveryCodes.length },
    });
    return succeeded({ recoveryCodes });
  });
}
