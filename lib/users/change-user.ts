/**
 * The shared body of an admin's change to another account: lock the row, apply the change, end the
 * account's sessions (a changed role or access takes effect at the next request), audit before/after.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { users } from '@/db/schema';
import { revokeSessionsOfUser } from '@/lib/auth/revoke-sessions';
import type { WriteContext } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';

type UserRow = typeof users.$inferSelect;
type UserPatch = Partial<Pick<UserRow, 'role' | 'internalAccess' | 'disabledAt' | 'totpSecretEncrypted' | 'totpEnabledAt' | 'totpLastUsedStep'>>;

/** What the audit log shows of an account: never its password hash or second-factor secret. */
function auditedUser(row: UserRow) {
  return {
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    internalAccess: row.internalAccess,
    disabled: row.disabledAt !== null,
    twoFactorEnabled: row.totpEnabledAt !== null,
  };
}

export async function changeUser(
  { tx, audit, session: actor }: WriteContext,
  userId: string,
  change: {
    action: string;
    patch: (current: UserRow) => UserPatch | { error: string };
    after?: (tx: Transaction) => Promise<void>;
  },
): Promise<OperationResult<{ userId: string }>> {
  if (userId === actor.userId) return fieldError('userId', 'notOnYourself');
  const [current] = await tx.select().from(users).where(eq(users.id, userId)).for('update').limit(1);
  if (!current) return fieldError('userId', 'userInvalid');
  const patch = change.patch(current);
  if ('error' in patch) return fieldError('userId', patch.error);
  const [updated] = await tx
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning();
  await change.after?.(tx);
  const revokedSessions = await revokeSessionsOfUser(tx, userId);
  await audit({
    action: change.action,
    entityType: 'user',
    entityId: userId,
    before: auditedUser(current),
    after: { ...auditedUser(updated!), revokedSessions },
  });
  return succeeded({ userId });
}
