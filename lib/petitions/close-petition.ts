import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { petitions } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/actions/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { afterPetitionWrite } from './petition-writes';
import { petitionIdSchema, type PetitionIdInput } from './schemas';

/** Stops signing for good. The count stays; anonymisation starts counting its days from now. */
export async function closePetition(session: StaffSession | null, input: PetitionIdInput): Promise<OperationResult<{ petitionId: string }>> {
  const actor = await authorize(session, 'petitions.close');
  const { petitionId } = petitionIdSchema.parse(input);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(petitions).where(eq(petitions.id, petitionId)).for('update');
    if (!before) return fieldError('petitionId', 'petitionUnknown');
    if (before.status === 'closed' || before.status === 'delivered') return fieldError('petitionId', 'alreadyClosed');
    const [after] = await tx
      .update(petitions)
      .set({ status: 'closed', closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(petitions.id, petitionId))
      .returning();
    await recordAudit(tx, actor, { action: 'petitions.close', entityType: 'petition', entityId: petitionId, before, after });
    return succeeded({ petitionId });
  });
  if (result.ok) afterPetitionWrite();
  return result;
}
