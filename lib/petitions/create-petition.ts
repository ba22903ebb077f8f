import 'server-only';
import { eq } from 'drizzle-orm';
import { cases, petitions } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { afterPetitionWrite } from './petition-writes';
import { createPetitionSchema } from './schemas';

/** A new petition for a public-campaign case, as a draft: nobody can sign until an organizer opens it. */
export const createPetition = defineOperation({
  name: 'petitions.create',
  input: createPetitionSchema,
  writes: true,
  // A draft is not public; opening it is an update.
  changesPublicView: false,
  async run({ tx, audit }, data) {
    if (data.opensAt && data.closesAt && data.closesAt <= data.opensAt) return fieldError('closesAt', 'closesBeforeOpens');
    // Shared lock: the case cannot leave its public campaign until this petition is committed.
    const [owner] = await tx.select({ publicityMode: cases.publicityMode }).from(cases).where(eq(cases.id, data.caseId)).for('share');
    if (!owner) return fieldError('caseId', 'caseUnknown');
    // A petition on a quiet-advocacy or internal case would never be public (petitionIsPublic): refuse it
    // here, whatever form or script posted it. A public campaign not published yet is fine: it waits.
    if (owner.publicityMode !== 'public_campaign') return fieldError('caseId', 'caseNotPublicCampaign');
    const [taken] = await tx.select({ id: petitions.id }).from(petitions).where(eq(petitions.slug, data.slug));
    if (taken) return fieldError('slug', 'slugTaken');
    const [created] = await tx.insert(petitions).values({ ...data, status: 'draft' }).returning();
    await audit({ entityType: 'petition', entityId: created!.id, after: created });
    return succeeded({ petitionId: created!.id });
  },
  afterCommit: afterPetitionWrite,
});
