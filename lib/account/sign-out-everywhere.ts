import 'server-only';
import { getDb } from '@/db/client';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import { revokeSessionsOfUser } from '@/lib/auth/revoke-sessions';
import type { StaffSession } from '@/lib/auth/staff-session';

/** Ends every session of one's own account, this one included (a lost laptop, a shared computer). */
export async function signOutEverywhere(session: StaffSession | null): Promise<OperationResult<{ revokedSessions: number }>> {
  const me = await authorize(session, 'account.signOutEverywhere');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const revokedSessions = await revokeSessionsOfUser(tx, me.userId);
    await recordAudit(tx, { userId: me.userId, email: me.email, ip: me.ip }, {
      action: 'account.sign_out_everywhere',
      entityType: 'user',
      entityId: me.userId,
      after: { revokedSessions },
    });
    return succeeded({ revokedSessions });
  });
}
