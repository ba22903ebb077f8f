import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { letterTargets } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { type UpdateTargetInput, updateTargetSchema } from './schemas';
import { targetColumns } from './target-queries';

export async function updateTarget(session: StaffSession | null, input: UpdateTargetInput): Promise<OperationResult<{ targetId: string }>> {
  const actor = await authorize(session, 'targets.update');
  const { targetId, ...fields } = updateTargetSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select(targetColumns).from(letterTargets).where(eq(letterTargets.id, targetId)).for('update');
    if (!before) return fieldError('targetId', 'recordInvalid');
    const [taken] = await tx
      .select({ id: letterTargets.id })
      .from(letterTargets)
      .where(and(eq(letterTargets.key, fields.key), ne(letterTargets.id, targetId)))
      .limit(1);
    if (taken) return fieldError('key', 'keyTaken');
    await tx.update(letterTargets).set({ ...fields, updatedAt: sql`now()` }).where(eq(letterTargets.id, targetId));
    await recordAudit(tx, { userId: actor.userId, email: actor.email, ip: actor.ip }, {
      action: 'targets.update',
      entityType: 'letter_target',
      entityId: targetId,
      before,
      after: fields,
    });
    return succeeded({ targetId });
  });
}
