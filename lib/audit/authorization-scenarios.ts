/** Authorization-matrix scenario of the audit log (lib/auth/authorization-matrix.test.ts). */
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';

export const scenarios: AuthorizationScenarios = {
  'audit.read': { input: () => ({ action: 'user.invite' }) },
};
