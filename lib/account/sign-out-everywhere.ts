import 'server-only';
import { z } from 'zod';
import { revokeSessionsOfUser } from '@/lib/auth/revoke-sessions';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';

/** Ends every session of one's own account, this one included (a lost laptop, a shared computer). */
export const signOutEverywhere = defineOperation({
  name: 'account.signOutEverywhere',
  input: z.object({}),
  writes: true,
  changesPublicView: false,
  async run({ tx, audit, session: me }) {
    const revokedSessions = await revokeSessionsOfUser(tx, me.userId);
    await audit({ action: 'account.sign_out_everywhere', entityType: 'user', entityId: me.userId, after: { revokedSessions } });
    return succeeded({ revokedSessions });
  },
});
