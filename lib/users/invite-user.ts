import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invitations, users } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { mailIsConfigured } from '@/lib/mail/mail-config';
import { hashInvitationToken, INVITATION_TTL_HOURS, invitationLink, newInvitationToken } from './invitation-token';
import { inviteUserSchema, type InviteUserInput } from './schemas';

export interface Invitation {
  userId: string;
  link: string;
  expiresAt: string;
  emailed: boolean;
}

/**
 * Creates an account that cannot sign in yet and a one-time link, valid 72 hours, to set its password.
 * Inviting an address again (before it was accepted) replaces the previous link.
 */
export async function inviteUser(
  session: StaffSession | null,
  input: InviteUserInput,
  link: { origin: string; locale: string },
): Promise<OperationResult<Invitation>> {
  const actor = await authorize(session, 'users.invite');
  const data = inviteUserSchema.parse(input);
  const db = await getDb();
  const token = newInvitationToken();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, data.email)).for('update').limit(1);
    if (existing?.passwordHash) return fieldError('email', 'emailTaken');
    if (existing?.disabledAt) return fieldError('email', 'emailDisabled');
    const profile = { email: data.email, displayName: data.displayName, role: data.role, internalAccess: data.internalAccess };
    let userId: string;
    if (existing) {
      userId = existing.id;
      await tx.update(users).set({ ...profile, updatedAt: sql`now()` }).where(eq(users.id, userId));
      await tx
        .update(invitations)
        .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(invitations.userId, userId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    } else {
      const [created] = await tx.insert(users).values(profile).returning({ id: users.id });
      userId = created!.id;
    }
    const [invitation] = await tx
      .insert(invitations)
      .values({
        userId,
        invitedByUserId: actor.userId,
        tokenHash: hashInvitationToken(token),
        expiresAt: sql`now() + make_interval(hours => ${INVITATION_TTL_HOURS})`,
      })
      .returning({ id: invitations.id, expiresAt: invitations.expiresAt });
    const url = invitationLink(link.origin, link.locale, token);
    const emailed = mailIsConfigured();
    if (emailed) {
      await enqueueMail(tx, {
        to: data.email,
        subject: 'Your Vigil staff account',
        text:
          `${actor.displayName || actor.email} invited you to Vigil as ${data.role}.\n\n` +
          `Open this link within ${INVITATION_TTL_HOURS} hours to choose your password and set up two-factor sign-in:\n${url}\n\n` +
          'If you did not expect this, ignore this message and tell the person who invited you.',
      });
    }
    await recordAudit(tx, { userId: actor.userId, email: actor.email, ip: actor.ip }, {
      action: 'user.invite',
      entityType: 'user',
      entityId: userId,
      before: existing
        ? { email: existing.email, displayName: existing.displayName, role: existing.role, internalAccess: existing.internalAccess }
        : null,
      after: { ...profile, invitationId: invitation!.id, invitationExpiresAt: invitation!.expiresAt, emailed },
    });
    return succeeded({ userId, link: url, expiresAt: invitation!.expiresAt.toISOString(), emailed });
  });
}
