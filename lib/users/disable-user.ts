import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { invitations } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { changeUser } from './change-user';
import { userIdSchema } from './schemas';

/** Stops an account from signing in: its sessions end and an open invitation link stops working. */
export const disableUser = defineOperation({
  name: 'users.disable',
  input: userIdSchema,
  writes: true,
  changesPublicView: false,
  run: (context, { userId }) =>
    changeUser(context, userId, {
      action: 'user.disable',
      patch: (current) => (current.disabledAt ? { error: 'alreadyDisabled' } : { disabledAt: new Date() }),
      after: async (tx) => {
        await tx
          .update(invitations)
          .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
          .where(and(eq(invitations.userId, userId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
      },
    }),
});
