import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { revokeSessionsOfUser } from '@/lib/auth/revoke-sessions';
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/auth/schemas';
import type { StaffSession } from '@/lib/auth/staff-session';

/** Changes one's own password after checking the current one; every other session of the account ends. */
export async function changePassword(
  session: StaffSession | null,
  input: ChangePasswordInput,
): Promise<OperationResult<{ revokedSessions: number }>> {
  const me = await authorize(session, 'account.changePassword');
  const data = changePasswordSchema.parse(input);
  const db = await getDb();
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    return fieldError('currentPassword', 'currentPasswordWrong');
  }
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, me.userId));
    const revokedSessions = await revokeSessionsOfUser(tx, me.userId, me.sessionId);
    await recordAudit(tx, { userId: me.userId, email: me.email, ip: me.ip }, {
      action: 'account.change_password',
      entityType: 'user',
      entityId: me.userId,
      after: { revokedSessions },
    });
    return succeeded({ revokedSessions });
  });
}
