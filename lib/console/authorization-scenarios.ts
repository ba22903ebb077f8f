/** Authorization-matrix scenario of the staff console (lib/auth/authorization-matrix.test.ts). */
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';

export const scenarios: AuthorizationScenarios = {
  'console.view': { input: () => ({}) },
};
