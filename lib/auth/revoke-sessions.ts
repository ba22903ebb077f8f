/** Ending staff sessions: one (sign-out), all of an account's (sign out everywhere, role change, disabling). */
import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { staffSessions } from '@/db/schema';
import type { Transaction } from '@/db/client';

export async function revokeStaffSession(sessionId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  const db = await getDb();
  await db
    .update(staffSessions)
    .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.revokedAt)));
}

/** Revokes every open session of the account, except `keepSessionId` when given. Returns how many. */
export async function revokeSessionsOfUser(tx: Transaction, userId: string, keepSessionId?: string): Promise<number> {
  const revoked = await tx
    .update(staffSessions)
    .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(staffSessions.userId, userId),
        isNull(staffSessions.revokedAt),
        keepSessionId ? ne(staffSessions.id, keepSessionId) : undefined,
      ),
    )
    .returning({ id: staffSessions.id });
  return revoked.length;
}
