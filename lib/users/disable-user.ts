import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { invitations } from '@/db/schema';
import type { OperationResult } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { changeUser } from './change-user';
import { userIdSchema } from './schemas';

/** Stops an account from signing in: its sessions end and an open invitation link stops working. */
export async function disableUser(session: StaffSession | null, input: { userId: string }): Promise<OperationResult<{ userId: string }>> {
  const actor = await authorize(session, 'users.disable');
  const { userId } = userIdSchema.parse(input);
  return changeUser(actor, userId, {
    action: 'user.disable',
    patch: (current) => (current.disabledAt ? { error: 'alreadyDisabled' } : { disabledAt: new Date() }),
    after: async (tx) => {
      await tx
        .update(invitations)
        .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(invitations.userId, userId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    },
  });
}
