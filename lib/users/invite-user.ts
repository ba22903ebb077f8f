import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { invitations, users } from '@/db/schema';
import { routing } from '@/lib/i18n/routing';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { mailIsConfigured } from '@/lib/mail/mail-config';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { hashInvitationToken, INVITATION_TTL_HOURS, invitationLink, newInvitationToken } from './invitation-token';
import { inviteUserSchema } from './schemas';

export interface Invitation {
  userId: string;
  link: string;
  expiresAt: string;
  emailed: boolean;
}

/**
 * Creates an account that cannot sign in yet and a one-time link, valid 72 hours, to set its password.
 * Inviting an address again (before it was accepted) replaces the previous link. The link's origin and
 * locale come from the server (toAction's serverInput), never from the form.
 */
export const inviteUser = defineOperation({
  name: 'users.invite',
  input: inviteUserSchema.extend({ origin: z.url(), locale: z.enum(routing.locales) }),
  writes: true,
  changesPublicView: false,
  async run({ tx, audit, session: actor }, data) {
    const token = newInvitationToken();
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
    const url = invitationLink(data.origin, data.locale, token);
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
    await audit({
      action: 'user.invite',
      entityType: 'user',
      entityId: userId,
      before: existing
        ? { email: existing.email, displayName: existing.displayName, role: existing.role, internalAccess: existing.internalAccess }
        : null,
      after: { ...profile, invitationId: invitation!.id, invitationExpiresAt: invitation!.expiresAt, emailed },
    });
    return succeeded<Invitation>({ userId, link: url, expiresAt: invitation!.expiresAt.toISOString(), emailed });
  },
});
