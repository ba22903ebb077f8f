/**
 * The known staff accounts that end-to-end journeys start from, one per role, each with a fixed
 * authenticator secret (base32, as an authenticator app would hold it) so a spec can compute its
 * codes. Only ever created in throwaway e2e databases (create-e2e-staff.ts).
 */
export const E2E_ADMIN = {
  email: 'e2e.admin@vigil.test',
  password: 'e2e admin password, long enough',
  displayName: 'E2E Admin',
  role: 'admin',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
} as const;

/** Documents cases in the journeys. */
export const E2E_ADVOCATE = {
  email: 'e2e.advocate@vigil.test',
  password: 'e2e advocate password, long enough',
  displayName: 'E2E Advocate',
  role: 'advocate',
  totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
} as const;

/** Runs petitions and writes letters in the journeys. */
export const E2E_ORGANIZER = {
  email: 'e2e.organizer@vigil.test',
  password: 'e2e organizer password, long enough',
  displayName: 'E2E Organizer',
  role: 'organizer',
  totpSecret: 'ORSXG5DFON2G64TBNZUXGZLSORSXG5DF',
} as const;

export const E2E_STAFF = [E2E_ADMIN, E2E_ADVOCATE, E2E_ORGANIZER] as const;
