/**
 * The guard every staff operation in lib/ passes through first. It re-reads the session and the
 * account from the database, so a revoked session, a disabled account or a role changed a moment ago
 * is refused even if the caller holds an older copy of the session.
 */
import 'server-only';
import { ForbiddenError, type Operation, refusalReason } from './permissions';
import { loadStaffSession, type StaffSession } from './staff-session';

export async function authorize(session: StaffSession | null, operation: Operation): Promise<StaffSession> {
  const current = session ? await loadStaffSession(session.sessionId, session.ip) : null;
  const reason = refusalReason(current, operation);
  if (reason || !current) throw new ForbiddenError(operation, reason ?? 'unauthenticated');
  return current;
}
