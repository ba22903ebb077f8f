import 'server-only';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { invitations, users } from '@/db/schema';
import type { StaffRole } from '@/lib/auth/roles';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';

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
export const listUsers = defineOperation({
  name: 'users.list',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db }) {
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
    return succeeded(rows.map((row): StaffAccount => ({
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      internalAccess: row.internalAccess,
      twoFactorEnabled: row.totpEnabledAt !== null,
      status: row.disabledAt ? 'disabled' : row.hasPassword ? 'active' : row.invitationOpen ? 'invited' : 'invitation_expired',
      lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
      invitationExpiresAt: row.invitationExpiresAt?.toISOString() ?? null,
    })));
  },
});
