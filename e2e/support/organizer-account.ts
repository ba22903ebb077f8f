/**
 * The known organizer of the e2e database (beside E2E_ADMIN): writes letters in the journeys.
 * A fixed authenticator secret so a spec can compute its codes; only ever created in throwaway databases.
 */
export const E2E_ORGANIZER = {
  email: 'e2e.organizer@vigil.test',
  password: 'e2e organizer password, long enough',
  displayName: 'E2E Organizer',
  totpSecret: 'ORSXG5DFON2G64TBNZUXGZLSORSXG5DF',
} as const;
