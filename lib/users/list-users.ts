import 'server-only';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invitations, users } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import type { StaffRole } from '@/lib/auth/roles';
import type { StaffSession } from '@/lib/auth/staff-session';

export type AccountStatus = 'active' | 'invited' | 'invitation_expired' | 'disabled';

export interface StaffAccount {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  internalAccess: boolean;
  twoFactorEnabled: boolean;
  status: AccountStatus;
  lastSignInAt: string | null;
  invitationExpiresAt: string | null;
}

/** Every staff account, for the admins' user management. */
export async function listUsers(session: StaffSession | null): Promise<StaffAccount[]> {
  await authorize(session, 'users.list');
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      internalAccess: users.internalAccess,
      totpEnabledAt: users.totpEnabledAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      disabledAt: users.disabledAt,
      lastSignInAt: users.lastSignInAt,
      invitationExpiresAt: invitations.expiresAt,
      invitationOpen: sql<boolean>`${invitations.expiresAt} > now()`,
    })
    .from(users)
    .leftJoin(
      invitations,
      and(eq(invitations.userId, users.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now() - interval '30 days'`)),
    )
    .orderBy(asc(users.email));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    internalAccess: row.internalAccess,
    twoFactorEnabled: row.totpEnabledAt !== null,
    status: row.disabledAt ? 'disabled' : row.hasPassword ? 'active' : row.invitationOpen ? 'invited' : 'invitation_expired',
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    invitationExpiresAt: row.invitationExpiresAt?.toISOString() ?? null,
  }));
}
