/** What every organizer write to a petition does after it commits: public pages and signing see the change. */
import 'server-only';
import { forgetSigningPetitions } from './find-signing-petition';
import { forgetPetitionCounts } from './get-petition-count';
import { revalidatePublicPetitions } from './public-cache';

export function afterPetitionWrite(): void {
  forgetSigningPetitions();
  forgetPetitionCounts();
  revalidatePublicPetitions();
}
