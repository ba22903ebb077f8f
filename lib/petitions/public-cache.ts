/**
 * Public petition reads, cached and expired the one way (lib/cache/public-cache.ts): refreshed when
 * organizers change a petition (revalidatePublicPetitions). The count is not part of them: pages fetch
 * it from the count API.
 */
import 'server-only';
import { cachedPublicRead, expirePublicTag } from '@/lib/cache/public-cache';
import { PUBLIC_CASES_TAG } from '@/lib/cases/public-cache';
import { getCasePetition, getPublicPetition } from './get-public-petition';
import { listOpenPetitions } from './list-open-petitions';

const PUBLIC_PETITIONS_TAG = 'public-petitions';

// Each names cases too: a petition's text and its case's title are published with the case's snapshot, so an
// approved publication (or a case withdrawn from the public) shows on petition pages and the home page at once.
export const cachedPublicPetition = cachedPublicRead(getPublicPetition, 'public-petition', [PUBLIC_PETITIONS_TAG, PUBLIC_CASES_TAG]);
export const cachedCasePetition = cachedPublicRead(getCasePetition, 'case-petition', [PUBLIC_PETITIONS_TAG, PUBLIC_CASES_TAG]);
export const cachedOpenPetitions = cachedPublicRead(listOpenPetitions, 'open-petitions', [PUBLIC_PETITIONS_TAG, PUBLIC_CASES_TAG]);

export function revalidatePublicPetitions(): void {
  expirePublicTag(PUBLIC_PETITIONS_TAG);
}
