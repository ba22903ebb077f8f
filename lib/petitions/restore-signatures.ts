import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { petitionInvalidations, petitionSignatures } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { adjustConfirmedCount } from './confirmed-count';
import { afterPetitionWrite } from './petition-writes';
import { restoreSignaturesSchema, type RestoreSignaturesInput } from './schemas';

/** Reverses an invalidation: its signatures count again (those confirmed), and the reversal is audited. */
export async function restoreSignatures(session: StaffSession | null, input: RestoreSignaturesInput): Promise<OperationResult<{ count: number }>> {
  const actor = await authorize(session, 'signatures.restore');
  const { invalidationId } = restoreSignaturesSchema.parse(input);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
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
    await recordAudit(tx, actor, {
      action: 'signatures.restore',
      entityType: 'petition_invalidation',
      entityId: invalidationId,
      before: { reason: invalidation.reason },
      after: { restored: restored.length },
    });
    return succeeded({ count: restored.length });
  });
  if (result.ok) afterPetitionWrite();
  return result;
}
