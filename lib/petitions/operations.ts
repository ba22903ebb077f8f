/** The petition domain's staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { closePetition } from './close-petition';
import { createPetition } from './create-petition';
import { endPetitionEvent } from './end-petition-event';
import { exportSignatures } from './export-signatures';
import { getPetitionActivity } from './get-petition-activity';
import { getPetitionFigures } from './get-petition-figures';
import { getRallyKit } from './get-rally-kit';
import { invalidateSignatures } from './invalidate-signatures';
import { listBlocklist } from './list-blocklist';
import { listPetitions } from './list-petitions';
import { markPetitionDelivered } from './mark-petition-delivered';
import { releaseHeldSignatures } from './release-held-signatures';
import { requestPetitionPublication } from './request-petition-publication';
import { restoreSignatures } from './restore-signatures';
import { setSiteSigningPause } from './set-site-signing-pause';
import { startPetitionEvent } from './start-petition-event';
import { addBlocklistEntry, removeBlocklistEntry } from './update-blocklist';
import { updatePetition } from './update-petition';

export const petitionOperations: readonly DefinedOperation[] = [
  listPetitions,
  getPetitionFigures,
  createPetition,
  updatePetition,
  requestPetitionPublication,
  closePetition,
  markPetitionDelivered,
  setSiteSigningPause,
  exportSignatures,
  getRallyKit,
  invalidateSignatures,
  restoreSignatures,
  releaseHeldSignatures,
  getPetitionActivity,
  startPetitionEvent,
  endPetitionEvent,
  listBlocklist,
  addBlocklistEntry,
  removeBlocklistEntry,
];
