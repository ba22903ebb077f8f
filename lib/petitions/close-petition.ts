import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { petitions } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { afterPetitionWrite } from './petition-writes';
import { petitionIdSchema } from './schemas';

/** Stops signing for good. The count stays; anonymisation starts counting its days from now. */
export const closePetition = defineOperation({
  name: 'petitions.close',
  input: petitionIdSchema,
  writes: true,
  changesPublicView: true,
  async run({ tx, audit }, { petitionId }) {
    const [before] = await tx.select().from(petitions).where(eq(petitions.id, petitionId)).for('update');
    if (!before) return fieldError('petitionId', 'petitionUnknown');
    if (before.status === 'closed' || before.status === 'delivered') return fieldError('petitionId', 'alreadyClosed');
    const [after] = await tx
      .update(petitions)
      .set({ status: 'closed', closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(petitions.id, petitionId))
      .returning();
    await audit({ entityType: 'petition', entityId: petitionId, before, after });
    return succeeded({ petitionId });
  },
  afterCommit: afterPetitionWrite,
});
