/** Authorization-matrix scenarios of the site settings (lib/auth/authorization-matrix.test.ts). */
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';

export const scenarios: AuthorizationScenarios = {
  'settings.read': { input: () => ({}) },
  'settings.update': { input: () => ({ requireTwoFactor: 'on' }) },
};
