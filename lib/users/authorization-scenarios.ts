/** Authorization-matrix scenarios of user management (lib/auth/authorization-matrix.test.ts). */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { createTestAccount } from '@/lib/auth/test-fixtures';

/** Another account for an admin to act on. */
const targetAccount = async () => (await createTestAccount({ role: 'advocate' })).userId;

export const scenarios: AuthorizationScenarios = {
  'users.list': { input: () => ({}) },
  'users.invite': {
    input: () => ({ email: `invitee-${randomUUID().slice(0, 8)}@test.example`, role: 'advocate', origin: 'https://vigil.test', locale: 'en' }),
  },
  'users.changeRole': { prepare: targetAccount, input: (_caller, userId) => ({ userId, role: 'organizer' }) },
  'users.setInternalAccess': { prepare: targetAccount, input: (_caller, userId) => ({ userId, internalAccess: 'on' }) },
  'users.disable': { prepare: targetAccount, input: (_caller, userId) => ({ userId }) },
  'users.enable': {
    prepare: async () => {
      const userId = await targetAccount();
      await (await getDb()).update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId));
      return userId;
    },
    input: (_caller, userId) => ({ userId }),
  },
  'users.resetTwoFactor': { prepare: targetAccount, input: (_caller, userId) => ({ userId }) },
};
