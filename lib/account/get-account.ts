/** The signed-in person's own account page: profile, second factor, open sessions. */
import 'server-only';
import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recoveryCodes, staffSessions } from '@/db/schema';
import { SESSION_IDLE_SECONDS, type StaffSession } from '@/lib/auth/staff-session';
import { generateTotpSecret, totpUri } from '@/lib/auth/totp';
import { sealEnrollment } from '@/lib/auth/two-factor';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';

export interface OpenSession {
  id: string;
  current: boolean;
  ip: string;
  userAgent: string;
  signedInAt: string;
  lastSeenAt: string;
}

export interface AccountOverview {
  email: string;
  displayName: string;
  role: StaffSession['role'];
  internalAccess: boolean;
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
  unusedRecoveryCodes: number;
  sessions: OpenSession[];
  /** Present while two-factor sign-in is not set up: a new secret to enrol. */
  enrollment: { secret: string; uri: string; sealed: string } | null;
}

export const getAccount = defineOperation({
  name: 'account.read',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db, session: me }) {
    const [sessions, [codes]] = await Promise.all([
      db
        .select()
        .from(staffSessions)
        .where(
          and(
            eq(staffSessions.userId, me.userId),
            isNull(staffSessions.revokedAt),
            gt(staffSessions.expiresAt, sql`now()`),
            gt(staffSessions.lastSeenAt, sql`now() - make_interval(secs => ${SESSION_IDLE_SECONDS})`),
          ),
        )
        .orderBy(desc(staffSessions.lastSeenAt)),
      db
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, me.userId), isNull(recoveryCodes.usedAt))),
    ]);
    const secret = me.twoFactorEnabled ? null : generateTotpSecret();
    return succeeded<AccountOverview>({
      email: me.email,
      displayName: me.displayName,
      role: me.role,
      internalAccess: me.internalAccess,
      twoFactorEnabled: me.twoFactorEnabled,
      twoFactorRequired: me.twoFactorRequired,
      unusedRecoveryCodes: codes?.n ?? 0,
      sessions: sessions.map((row) => ({
        id: row.id,
        current: row.id === me.sessionId,
        ip: row.ip,
        userAgent: row.userAgent,
        signedInAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
      })),
      enrollment: secret ? { secret, uri: totpUri(secret, me.email), sealed: sealEnrollment(me.userId, secret) } : null,
    });
  },
});
