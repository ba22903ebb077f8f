import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { letterTargets } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { createTargetSchema, type TargetFieldsInput } from './schemas';

export async function createTarget(session: StaffSession | null, input: TargetFieldsInput): Promise<OperationResult<{ targetId: string }>> {
  const actor = await authorize(session, 'targets.create');
  const fields = createTargetSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: letterTargets.id }).from(letterTargets).where(eq(letterTargets.key, fields.key)).limit(1);
    if (taken) return fieldError('key', 'keyTaken');
    const [row] = await tx.insert(letterTargets).values(fields).returning({ id: letterTargets.id });
    const targetId = row!.id;
    await recordAudit(tx, { userId: actor.userId, email: actor.email, ip: actor.ip }, {
      action: 'targets.create',
      entityType: 'letter_target',
      entityId: targetId,
      after: fields,
    });
    return succeeded({ targetId });
  });
}
