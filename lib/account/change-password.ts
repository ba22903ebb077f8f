import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { revokeSessionsOfUser } from '@/lib/auth/revoke-sessions';
import { changePasswordSchema } from '@/lib/auth/schemas';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';

/** Changes one's own password after checking the current one; every other session of the account ends. */
export const changePassword = defineOperation({
  name: 'account.changePassword',
  input: changePasswordSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, audit, session: me }, { currentPassword, password }) {
    const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.userId)).for('update');
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
      return fieldError('currentPassword', 'currentPasswordWrong');
    }
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password), passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, me.userId));
    const revokedSessions = await revokeSessionsOfUser(tx, me.userId, me.sessionId);
    await audit({ action: 'account.change_password', entityType: 'user', entityId: me.userId, after: { revokedSessions } });
    return succeeded({ revokedSessions });
  },
});
