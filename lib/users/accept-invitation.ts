/**
 * The invited person chooses a password and (required for admins and internal access) enrols an
 * authenticator. The link works once: the invitation row is locked while it is checked and marked
 * accepted, so two submissions cannot both succeed.
 */
import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invitations, users } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { hashPassword } from '@/lib/auth/password';
import { acceptInvitationSchema, type AcceptInvitationInput } from '@/lib/auth/schemas';
import { twoFactorIsRequired } from '@/lib/auth/staff-session';
import { matchTotpStep } from '@/lib/auth/totp';
import { encryptTotpSecret, openEnrollment, replaceRecoveryCodes } from '@/lib/auth/two-factor';
import { readSiteSettings } from '@/lib/settings/read-site-settings';
import { hashInvitationToken } from './invitation-token';

export interface AcceptedInvitation {
  email: string;
  /** Shown once, when two-factor sign-in was set up. */
  recoveryCodes: string[] | null;
}

export async function acceptInvitation(input: AcceptInvitationInput, ip: string): Promise<OperationResult<AcceptedInvitation>> {
  const data = acceptInvitationSchema.parse(input);
  const db = await getDb();
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ invitationId: invitations.id, user: users })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(
        and(
          eq(invitations.tokenHash, hashInvitationToken(data.token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .for('update', { of: invitations })
      .limit(1);
    const user = found?.user;
    if (!found || !user || user.disabledAt || user.passwordHash) return fieldError('token', 'invitationInvalid');

    const settings = await readSiteSettings(tx);
    const required = twoFactorIsRequired(user.role, user.internalAccess, settings.requireTwoFactor);
    let totp: { secret: string; step: number } | null = null;
    if (data.totpCode) {
      const secret = openEnrollment(user.id, data.enrollment);
      if (!secret) return fieldError('totpCode', 'enrollmentExpired');
      const step = matchTotpStep(secret, data.totpCode);
      if (step === null) return fieldError('totpCode', 'totpCodeWrong');
      totp = { secret, step };
    } else if (required) {
      return fieldError('totpCode', 'twoFactorRequired');
    }

    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(invitations.id, found.invitationId));
    await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: sql`now()`,
        ...(totp
          ? { totpSecretEncrypted: encryptTotpSecret(user.id, totp.secret), totpEnabledAt: sql`now()`, totpLastUsedStep: totp.step }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, user.id));
    const codes = totp ? await replaceRecoveryCodes(tx, user.id) : null;
    await recordAudit(tx, { userId: user.id, email: user.email, ip }, {
      action: 'invitation.accept',
      entityType: 'user',
      entityId: user.id,
      before: { passwordSet: false, twoFactorEnabled: false },
      after: { passwordSet: true, twoFactorEnabled: totp !== null, invitationId: found.invitationId },
    });
    return succeeded({ email: user.email, recoveryCodes: codes });
  });
}
