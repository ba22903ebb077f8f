import 'server-only';
import { eq } from 'drizzle-orm';
import { petitions } from '@/db/schema';
import { revalidatePublicCases } from '@/lib/cases/public-cache';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { askToPublishPetitionText } from './petition-publication';
import { afterPetitionWrite } from './petition-writes';
import { petitionIdSchema } from './schemas';

/**
 * Asks again for the review of an opened petition's text (after the case became public, or a request was
 * rejected or withdrawn): the case's working copy, petition text included, goes to a second staff member.
 */
export const requestPetitionPublication = defineOperation({
  name: 'petitions.requestPublication',
  input: petitionIdSchema,
  writes: true,
  // Only when the case rules (set by two admins) let one person publish.
  changesPublicView: true,
  async run({ tx, actor }, { petitionId }) {
    const [petition] = await tx.select({ caseId: petitions.caseId, status: petitions.status }).from(petitions).where(eq(petitions.id, petitionId));
    if (!petition) return fieldError('petitionId', 'petitionUnknown');
    if (petition.status === 'draft') return fieldError('petitionId', 'petitionNotOpened');
    const outcome = await askToPublishPetitionText(tx, actor, petition.caseId);
    if (outcome.publicationRefusal) return fieldError('petitionId', outcome.publicationRefusal);
    if (!outcome.publication) return fieldError('petitionId', 'nothingToPublish');
    return succeeded({ petitionId, publication: outcome.publication });
  },
  afterCommit: ({ publication }) => {
    afterPetitionWrite();
    if (publication === 'published') revalidatePublicCases();
  },
});
