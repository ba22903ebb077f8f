/**
 * Staff sessions live in Postgres: the JWT cookie only names a row of staff_sessions. A session is
 * valid while it is not revoked, younger than 12 hours and used within the last 30 minutes, and its
 * account is enabled. Every instance checks the same rows, so a revocation holds everywhere at once.
 * `authorize` is the guard every staff operation passes through first (defineOperation calls it).
 */
import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { siteSettings, staffSessions, users } from '@/db/schema';
import { isRecordId } from '@/lib/fields/schemas';
import { ForbiddenError, type Operation, refusalReason } from './permissions';
import type { StaffRole } from './roles';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 30 * 60;
/** last_seen_at is written at most this often per session, to spare the database a write per request. */
const TOUCH_INTERVAL_SECONDS = 60;

export interface StaffSession {
  sessionId: string;
  userId: string;
  email: string;
  displayName: string;
  role: StaffRole;
  internalAccess: boolean;
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
  /** Two-factor sign-in is required for this account and not set up yet: only setup is allowed. */
  needsTwoFactorSetup: boolean;
  /** The address of the current request, recorded in the audit log. */
  ip: string;
}

type Executor = Pick<Awaited<ReturnType<typeof getDb>>, 'insert'>;

export async function createStaffSession(
  executor: Executor,
  input: { userId: string; ip: string; userAgent: string },
): Promise<string> {
  const [row] = await executor
    .insert(staffSessions)
    .values({
      userId: input.userId,
      ip: input.ip,
      userAgent: input.userAgent.slice(0, 300),
      expiresAt: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS})`,
    })
    .returning({ id: staffSessions.id });
  return row!.id;
}


/** Two-factor sign-in is required for admins and for internal access, unless an admin turned it off. */
export function twoFactorIsRequired(role: StaffRole, internalAccess: boolean, siteRequiresTwoFactor: boolean): boolean {
  return siteRequiresTwoFactor && (role === 'admin' || internalAccess);
}

/** The session named by `sessionId` if it is still valid, read fresh from the database; else null. */
export async function loadStaffSession(
  sessionId: string | undefined,
  ip: string,
  options: { touch?: boolean } = {},
): Promise<StaffSession | null> {
  if (!isRecordId(sessionId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      sessionId: staffSessions.id,
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      internalAccess: users.internalAccess,
      totpEnabledAt: users.totpEnabledAt,
      siteRequiresTwoFactor: sql<boolean>`coalesce((select ${siteSettings.requireTwoFactor} from ${siteSettings} where ${siteSettings.id} = 1), true)`,
    })
    .from(staffSessions)
    .innerJoin(users, eq(users.id, staffSessions.userId))
    .where(
      and(
        eq(staffSessions.id, sessionId),
        isNull(staffSessions.revokedAt),
        isNull(users.disabledAt),
        gt(staffSessions.expiresAt, sql`now()`),
        gt(staffSessions.lastSeenAt, sql`now() - make_interval(secs => ${SESSION_IDLE_SECONDS})`),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (options.touch) {
    await db
      .update(staffSessions)
      .set({ lastSeenAt: sql`now()` })
      .where(
        and(
          eq(staffSessions.id, sessionId),
          sql`${staffSessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_INTERVAL_SECONDS})`,
        ),
      );
  }
  const twoFactorEnabled = row.totpEnabledAt !== null;
  const twoFactorRequired = twoFactorIsRequired(row.role, row.internalAccess, row.siteRequiresTwoFactor);
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    internalAccess: row.internalAccess,
    twoFactorEnabled,
    twoFactorRequired,
    needsTwoFactorSetup: twoFactorRequired && !twoFactorEnabled,
    ip,
  };
}

/**
 * Re-reads the session and the account from the database, so a revoked session, a disabled account or
 * a role changed a moment ago is refused even if the caller holds an older copy of the session.
 */
export async function authorize(session: StaffSession | null, operation: Operation): Promise<StaffSession> {
  const current = session ? await loadStaffSession(session.sessionId, session.ip) : null;
  const reason = refusalReason(current, operation);
  if (reason || !current) throw new ForbiddenError(operation, reason ?? 'unauthenticated');
  return current;
}
