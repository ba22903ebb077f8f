/** Authorization-matrix scenarios of one's own account's operations (lib/auth/authorization-matrix.test.ts). */
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { currentCode, TEST_PASSWORD } from '@/lib/auth/test-fixtures';
import { generateTotpSecret, totpCode, totpStep } from '@/lib/auth/totp';
import { sealEnrollment } from '@/lib/auth/two-factor';

export const scenarios: AuthorizationScenarios = {
  'account.read': { input: () => ({}) },
  'account.changePassword': {
    input: () => ({ currentPassword: TEST_PASSWORD, password: 'another long password', passwordConfirmation: 'another long password' }),
  },
  'account.enableTwoFactor': {
    callerTwoFactor: false,
    input: ({ account }) => {
      const secret = generateTotpSecret();
      return {
        enrollment: sealEnrollment(account?.userId ?? '00000000-0000-4000-8000-000000000000', secret),
        totpCode: totpCode(secret, totpStep()),
      };
    },
  },
  'account.regenerateRecoveryCodes': {
    input: ({ account }) => ({ totpCode: account?.totpSecret ? currentCode(account.totpSecret) : '000000' }),
  },
  'account.signOutEverywhere': { input: () => ({}) },
};
