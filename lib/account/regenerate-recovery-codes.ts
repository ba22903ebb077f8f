import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { regenerateRecoveryCodesSchema } from '@/lib/auth/schemas';
import { consumeTotpCode, decryptTotpSecret, replaceRecoveryCodes } from '@/lib/auth/two-factor';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';

/** New recovery codes in place of the old ones, confirmed with a current authenticator code. */
export const regenerateRecoveryCodes = defineOperation({
  name: 'account.regenerateRecoveryCodes',
  input: regenerateRecoveryCodesSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, audit, session: me }, { totpCode }) {
    const [user] = await tx.select().from(users).where(eq(users.id, me.userId)).for('update');
    const secret = user?.totpSecretEncrypted ? decryptTotpSecret(me.userId, user.totpSecretEncrypted) : null;
    if (!secret) return fieldError('totpCode', 'twoFactorNotEnabled');
    if (!(await consumeTotpCode(tx, me.userId, secret, totpCode))) return fieldError('totpCode', 'totpCodeWrong');
    const recoveryCodes = await replaceRecoveryCodes(tx, me.userId);
    await audit({ action: 'account.regenerate_recovery_codes', entityType: 'user', entityId: me.userId, after: { recoveryCodes: recoveryCodes.length } });
    return succeeded({ recoveryCodes });
  },
});
