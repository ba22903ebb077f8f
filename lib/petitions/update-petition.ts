import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { petitions } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { afterPetitionWrite } from './petition-writes';
import { updatePetitionSchema } from './schemas';

/** Edits a petition and opens, pauses or drafts it. Closed and delivered petitions stay as they are. */
export const updatePetition = defineOperation({
  name: 'petitions.update',
  input: updatePetitionSchema,
  writes: true,
  changesPublicView: true,
  async run({ tx, audit }, { petitionId, ...data }) {
    if (data.opensAt && data.closesAt && data.closesAt <= data.opensAt) return fieldError('closesAt', 'closesBeforeOpens');
    const [before] = await tx.select().from(petitions).where(eq(petitions.id, petitionId)).for('update');
    if (!before) return fieldError('petitionId', 'petitionUnknown');
    if (before.status === 'closed' || before.status === 'delivered') return fieldError('status', 'petitionFinished');
    const [taken] = await tx.select({ id: petitions.id }).from(petitions).where(and(eq(petitions.slug, data.slug), ne(petitions.id, petitionId)));
    if (taken) return fieldError('slug', 'slugTaken');
    const [after] = await tx.update(petitions).set({ ...data, updatedAt: sql`now()` }).where(eq(petitions.id, petitionId)).returning();
    await audit({ entityType: 'petition', entityId: petitionId, before, after });
    return succeeded({ petitionId });
  },
  afterCommit: afterPetitionWrite,
});
