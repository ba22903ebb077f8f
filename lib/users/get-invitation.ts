/** What the invitation page shows: the invited account and a fresh authenticator secret to enrol. Public, by token. */
import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invitations, users } from '@/db/schema';
import type { StaffRole } from '@/lib/auth/roles';
import { twoFactorIsRequired } from '@/lib/auth/staff-session';
import { generateTotpSecret, totpUri } from '@/lib/auth/totp';
import { sealEnrollment } from '@/lib/auth/two-factor';
import { readSiteSettings } from '@/lib/settings/read-site-settings';
import { hashInvitationToken } from './invitation-token';

export interface OpenInvitation {
  email: string;
  role: StaffRole;
  internalAccess: boolean;
  twoFactorRequired: boolean;
  totpSecret: string;
  totpUri: string;
  /** The secret sealed for this account, sent back with the form. */
  enrollment: string;
}

/** The open invitation for this token, or null when the token is unknown, used, replaced or expired. */
export async function getOpenInvitation(token: string): Promise<OpenInvitation | null> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ userId: users.id, email: users.email, role: users.role, internalAccess: users.internalAccess })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, hashInvitationToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        isNull(users.disabledAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  if (!row) return null;
  const settings = await readSiteSettings(db);
  const secret = generateTotpSecret();
  return {
    email: row.email,
    role: row.role,
    internalAccess: row.internalAccess,
    twoFactorRequired: twoFactorIsRequired(row.role, row.internalAccess, settings.requireTwoFactor),
    totpSecret: secret,
    totpUri: totpUri(secret, row.email),
    enrollment: sealEnrollment(row.userId, secret),
  };
}
