/**
 * The known staff account that end-to-end journeys start from: an admin with a fixed authenticator
 * secret, so a spec can compute its codes. Only ever created in throwaway e2e databases.
 */
export const E2E_ADMIN = {
  email: 'e2e.admin@vigil.test',
  password: 'e2e admin password, long enough',
  displayName: 'E2E Admin',
  // Base32, as an authenticator app would hold it; fixed only for the e2e database.
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
} as const;
