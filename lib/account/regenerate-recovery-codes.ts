import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import { regenerateRecoveryCodesSchema, type RegenerateRecoveryCodesInput } from '@/lib/auth/schemas';
import type { StaffSession } from '@/lib/auth/staff-session';
import { consumeTotpCode, decryptTotpSecret, replaceRecoveryCodes } from '@/lib/auth/two-factor';

/** New recovery codes in place of the old ones, confirmed with a current authenticator code. */
export async function regenerateRecoveryCodes(
  session: StaffSession | null,
  input: RegenerateRecoveryCodesInput,
): Promise<OperationResult<{ recoveryCodes: string[] }>> {
  const me = await authorize(session, 'account.regenerateRecoveryCodes');
  const data = regenerateRecoveryCodesSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, me.userId)).for('update');
    const secret = user?.totpSecretEncrypted ? decryptTotpSecret(me.userId, user.totpSecretEncrypted) : null;
    if (!secret) return fieldError('totpCode', 'twoFactorNotEnabled');
    if (!(await consumeTotpCode(tx, me.userId, secret, data.totpCode))) return fieldError('totpCode', 'totpCodeWrong');
    const recoveryCodes = await replaceRecoveryCodes(tx, me.userId);
    await recordAudit(tx, { userId: me.userId, email: me.email, ip: me.ip }, {
      action: 'account.regenerate_recovery_codes',
      entityType: 'user',
      entityId: me.userId,
      after: { recoveryCodes: recoveryCodes.length },
    });
    return succeeded({ recoveryCodes });
  });
}
