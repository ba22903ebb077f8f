import 'server-only';
import { getDb } from '@/db/client';
import { sources } from '@/db/schema';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { recordChange } from './case-records';
import { createSourceSchema, type SourceFieldsInput } from './schemas';

export async function createSource(session: StaffSession | null, input: SourceFieldsInput): Promise<OperationResult<{ sourceId: string }>> {
  const actor = await authorize(session, 'sources.create');
  const fields = createSourceSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(sources).values(fields).returning({ id: sources.id });
    await recordChange(tx, actorOf(actor), { kind: 'source', id: row!.id, caseId: null, changeKind: 'created', action: 'sources.create' });
    return succeeded({ sourceId: row!.id });
  });
}
