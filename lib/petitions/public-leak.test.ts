/**
 * Signers' private details never reach the public petition reads: the projection names its fields,
 * anonymous and unconfirmed signers are never listed, and a named signer shows only a first name.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '@/db/testing';
import { CANARY_MARKER, CANARY_PUBLIC_SLUG, insertCanaryCases } from '@/e2e/fixtures/canary-cases';
import { CANARY_SIGNER_FIRST_NAME } from '@/e2e/fixtures/canary-petitions';
import { forgetPetitionCounts, getPetitionCount } from './get-petition-count';
import { getCasePetition, getPublicPetition } from './get-public-petition';

describeEachEngine(
  'public petition reads with canary signers',
  () => {
    it('carry no private signer field, only the chosen first name, and count only counted signatures', async () => {
      forgetPetitionCounts();
      const petition = await getPublicPetition(CANARY_PUBLIC_SLUG);
      const onCase = await getCasePetition(CANARY_PUBLIC_SLUG);
      const count = await getPetitionCount(CANARY_PUBLIC_SLUG);
      expect(petition?.recentSigners).toEqual([{ firstName: CANARY_SIGNER_FIRST_NAME, country: 'KR' }]);
      expect(onCase?.slug).toBe(CANARY_PUBLIC_SLUG);
      expect(count).toEqual({ confirmed: 2, goal: 100 });
      // Two signers from one country are too few to name it: they are only in the "other" figure.
      expect(petition?.signersByCountry).toEqual([]);
      expect(petition?.otherCountries).toBe(2);
      for (const value of [petition, onCase, count]) expect(JSON.stringify(value)).not.toContain(CANARY_MARKER);
    });
  },
  insertCanaryCases,
);
