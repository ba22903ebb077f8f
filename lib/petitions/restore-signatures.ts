import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { petitionInvalidations, petitionSignatures } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { adjustConfirmedCount } from './confirmed-count';
import { afterPetitionWrite } from './petition-writes';
import { restoreSignaturesSchema } from './schemas';

/** Reverses an invalidation: its signatures count again (those confirmed), and the reversal is audited. */
export const restoreSignatures = defineOperation({
  name: 'signatures.restore',
  input: restoreSignaturesSchema,
  writes: true,
  // The public count changes.
  changesPublicView: true,
  async run({ tx, audit, actor }, { invalidationId }) {
    const [invalidation] = await tx
      .update(petitionInvalidations)
      .set({ revertedAt: sql`now()`, revertedByUserId: actor.userId, updatedAt: sql`now()` })
      .where(and(eq(petitionInvalidations.id, invalidationId), isNull(petitionInvalidations.revertedAt)))
      .returning({ petitionId: petitionInvalidations.petitionId, reason: petitionInvalidations.reason });
    if (!invalidation) return fieldError('invalidationId', 'invalidationUnknown');
    const restored = await tx
      .update(petitionSignatures)
      .set({ invalidationId: null, updatedAt: sql`now()` })
      .where(eq(petitionSignatures.invalidationId, invalidationId))
      .returning({ confirmedAt: petitionSignatures.confirmedAt, heldAt: petitionSignatures.heldAt });
    await adjustConfirmedCount(tx, invalidation.petitionId, restored.filter((row) => row.confirmedAt && !row.heldAt).length);
    await audit({
      entityType: 'petition_invalidation',
      entityId: invalidationId,
      before: { reason: invalidation.reason },
      after: { restored: restored.length },
    });
    return succeeded({ count: restored.length });
  },
  afterCommit: afterPetitionWrite,
});
