'use server';

import { toAction } from '@/lib/operations/adapters';
import { closePetition } from '@/lib/petitions/close-petition';
import { createPetition } from '@/lib/petitions/create-petition';
import { endPetitionEvent } from '@/lib/petitions/end-petition-event';
import { activityWindowStart } from '@/lib/petitions/get-petition-activity';
import { invalidateSignatures } from '@/lib/petitions/invalidate-signatures';
import { markPetitionDelivered } from '@/lib/petitions/mark-petition-delivered';
import { releaseHeldSignatures } from '@/lib/petitions/release-held-signatures';
import { requestPetitionPublication } from '@/lib/petitions/request-petition-publication';
import { restoreSignatures } from '@/lib/petitions/restore-signatures';
import { setSiteSigningPause } from '@/lib/petitions/set-site-signing-pause';
import { startPetitionEvent } from '@/lib/petitions/start-petition-event';
import { addBlocklistEntry, removeBlocklistEntry } from '@/lib/petitions/update-blocklist';
import { updatePetition } from '@/lib/petitions/update-petition';

export const createPetitionAction = toAction(createPetition, { message: 'created' });
export const updatePetitionAction = toAction(updatePetition);
export const requestPetitionPublicationAction = toAction(requestPetitionPublication, { message: 'asked' });
export const closePetitionAction = toAction(closePetition, { message: 'closed' });
export const releaseHeldSignaturesAction = toAction(releaseHeldSignatures, { message: 'released' });
export const markDeliveredAction = toAction(markPetitionDelivered, { message: 'delivered' });
export const invalidateSignaturesAction = toAction(invalidateSignatures, { message: 'invalidated' });
export const restoreSignaturesAction = toAction(restoreSignatures, { message: 'restored' });
export const addBlocklistEntryAction = toAction(addBlocklistEntry);
export const removeBlocklistEntryAction = toAction(removeBlocklistEntry);
export const setSitePauseAction = toAction(setSiteSigningPause);
export const startPetitionEventAction = toAction(startPetitionEvent, { message: 'eventStarted' });
export const endPetitionEventAction = toAction(endPetitionEvent, { message: 'eventEnded' });
export const blockSourceAction = toAction(addBlocklistEntry, { message: 'blocked' });
// The activity panel's one click sets aside a source's signatures of the hour before the click, not of the page's first render.
export const invalidateRecentSignaturesAction = toAction(invalidateSignatures, {
  message: 'invalidated',
  serverInput: async () => ({ from: activityWindowStart().toISOString() }),
});
