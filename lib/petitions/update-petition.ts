import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { petitions } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { afterPetitionWrite } from './petition-writes';
import { updatePetitionSchema, type UpdatePetitionInput } from './schemas';

/** Edits a petition and opens, pauses or drafts it. Closed and delivered petitions stay as they are. */
export async function updatePetition(session: StaffSession | null, input: UpdatePetitionInput): Promise<OperationResult<{ petitionId: string }>> {
  const actor = await authorize(session, 'petitions.update');
  const { petitionId, ...data } = updatePetitionSchema.parse(input);
  if (data.opensAt && data.closesAt && data.closesAt <= data.opensAt) return fieldError('closesAt', 'closesBeforeOpens');
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(petitions).where(eq(petitions.id, petitionId)).for('update');
    if (!before) return fieldError('petitionId', 'petitionUnknown');
    if (before.status === 'closed' || before.status === 'delivered') return fieldError('status', 'petitionFinished');
    const [taken] = await tx.select({ id: petitions.id }).from(petitions).where(and(eq(petitions.slug, data.slug), ne(petitions.id, petitionId)));
    if (taken) return fieldError('slug', 'slugTaken');
    const [after] = await tx.update(petitions).set({ ...data, updatedAt: sql`now()` }).where(eq(petitions.id, petitionId)).returning();
    await recordAudit(tx, actor, { action: 'petitions.update', entityType: 'petition', entityId: petitionId, before, after });
    return succeeded({ petitionId });
  });
  if (result.ok) afterPetitionWrite();
  return result;
}
