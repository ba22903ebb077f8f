/**
 * Creates an account from a terminal (`npm run user:create`), typically the first admin. Whoever can
 * run this already holds the database, so there is no session to check; the audit log names the
 * terminal operator instead.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import english from '@/messages/en/staff.json';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { hashPassword } from '@/lib/auth/password';
import { emailSchema, newPasswordSchema } from '@/lib/auth/schemas';
import { totpStep } from '@/lib/auth/totp';
import { encryptTotpSecret, replaceRecoveryCodes } from '@/lib/auth/two-factor';
import { staffRoleSchema } from './schemas';

export const terminalUserSchema = z.object({
  email: emailSchema,
  role: staffRoleSchema,
  password: newPasswordSchema,
  displayName: z.string().trim().max(120).default(''),
  internalAccess: z.boolean().default(false),
  /** A known authenticator secret (base32), for scripted test accounts only. */
  totpSecret: z.string().regex(/^[A-Z2-7]{16,}$/).optional(),
});

export class TerminalUserError extends Error {}

export async function createUserFromTerminal(
  db: Database,
  input: z.input<typeof terminalUserSchema>,
  operator: string,
): Promise<{ userId: string; recoveryCodes: string[] | null }> {
  const parsed = terminalUserSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = english.staff.errors;
    throw new TerminalUserError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${errors[issue.message] ?? issue.message}`).join('; '));
  }
  const data = parsed.data;
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (existing) throw new TerminalUserError(`An account for ${data.email} already exists.`);
    const [created] = await tx
      .insert(users)
      .values({
        email: data.email,
        displayName: data.displayName,
        role: data.role,
        internalAccess: data.internalAccess,
        passwordHash,
        passwordChangedAt: sql`now()`,
      })
      .returning({ id: users.id });
    const userId = created!.id;
    let recoveryCodes: string[] | null = null;
    if (data.totpSecret) {
      await tx
        .update(users)
        .set({
          totpSecretEncrypted: encryptTotpSecret(userId, data.totpSecret),
          totpEnabledAt: sql`now()`,
          // Codes from before the account existed are not accepted.
          totpLastUsedStep: totpStep() - 2,
        })
        .where(eq(users.id, userId));
      recoveryCodes = await replaceRecoveryCodes(tx, userId);
    }
    await recordAudit(tx, { userId: null, email: `terminal:${operator}`, ip: 'terminal' }, {
      action: 'user.create_from_terminal',
      entityType: 'user',
      entityId: userId,
      after: { email: data.email, displayName: data.displayName, role: data.role, internalAccess: data.internalAccess, twoFactorEnabled: Boolean(data.totpSecret) },
    });
    return { userId, recoveryCodes };
  });
}
