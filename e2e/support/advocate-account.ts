/**
 * The known advocate of the e2e database (beside E2E_ADMIN): documents cases in the journeys.
 * A fixed authenticator secret so a spec can compute its codes; only ever created in throwaway databases.
 */
export const E2E_ADVOCATE = {
  email: 'e2e.advocate@vigil.test',
  password: 'e2e advocate password, long enough',
  displayName: 'E2E Advocate',
  totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
} as const;
