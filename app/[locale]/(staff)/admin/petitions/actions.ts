'use server';

import type { ActionState } from '@/lib/operations/result';
import { staffAction } from '@/lib/actions/staff-action';
import { toAction } from '@/lib/operations/adapters';
import { addBlocklistEntry, removeBlocklistEntry } from '@/lib/petitions/update-blocklist';
import { closePetition } from '@/lib/petitions/close-petition';
import { createPetition } from '@/lib/petitions/create-petition';
import { invalidateSignatures } from '@/lib/petitions/invalidate-signatures';
import { markPetitionDelivered } from '@/lib/petitions/mark-petition-delivered';
import { releaseHeldSignatures } from '@/lib/petitions/release-held-signatures';
import { restoreSignatures } from '@/lib/petitions/restore-signatures';
import {
  addBlocklistEntrySchema,
  createPetitionSchema,
  invalidateSignaturesSchema,
  markDeliveredSchema,
  removeBlocklistEntrySchema,
  restoreSignaturesSchema,
  sitePauseSchema,
  updatePetitionSchema,
} from '@/lib/petitions/schemas';
import { setSiteSigningPause } from '@/lib/petitions/set-site-signing-pause';
import { updatePetition } from '@/lib/petitions/update-petition';

// The operations parse their input again; the parsed values go through as they came.
const handlers = {
  create: staffAction(createPetitionSchema, (session, input) => createPetition(session, input as never), 'created'),
  update: staffAction(updatePetitionSchema, (session, input) => updatePetition(session, input as never)),
  deliver: staffAction(markDeliveredSchema, (session, input) => markPetitionDelivered(session, input), 'delivered'),
  invalidate: staffAction(invalidateSignaturesSchema, (session, input) => invalidateSignatures(session, input as never), 'invalidated'),
  restore: staffAction(restoreSignaturesSchema, restoreSignatures, 'restored'),
  addBlock: staffAction(addBlocklistEntrySchema, addBlocklistEntry),
  removeBlock: staffAction(removeBlocklistEntrySchema, removeBlocklistEntry),
  sitePause: staffAction(sitePauseSchema, (session, input) => setSiteSigningPause(session, input)),
};

type State = ActionState<unknown>;
export async function createPetitionAction(state: State, formData: FormData) {
  return handlers.create(state as never, formData);
}
export async function updatePetitionAction(state: State, formData: FormData) {
  return handlers.update(state as never, formData);
}
export const closePetitionAction = toAction(closePetition, { message: 'closed' });
export const releaseHeldSignaturesAction = toAction(releaseHeldSignatures, { message: 'released' });
export async function markDeliveredAction(state: State, formData: FormData) {
  return handlers.deliver(state as never, formData);
}
export async function invalidateSignaturesAction(state: State, formData: FormData) {
  return handlers.invalidate(state as never, formData);
}
export async function restoreSignaturesAction(state: State, formData: FormData) {
  return handlers.restore(state as never, formData);
}
export async function addBlocklistEntryAction(state: State, formData: FormData) {
  return handlers.addBlock(state as never, formData);
}
export async function removeBlocklistEntryAction(state: State, formData: FormData) {
  return handlers.removeBlock(state as never, formData);
}
export async function setSitePauseAction(state: State, formData: FormData) {
  return handlers.sitePause(state as never, formData);
}
