import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { casePeople } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { recordChange } from './case-records';
import { revalidatePublicCases } from './public-cache';
import { type UpdatePersonInput, updatePersonSchema } from './schemas';

export async function updatePerson(session: StaffSession | null, input: UpdatePersonInput): Promise<OperationResult<{ personId: string }>> {
  const actor = await authorize(session, 'people.update');
  const { personId, caseId, ...fields } = updatePersonSchema.parse(input);
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<OperationResult<{ personId: string }>> => {
    const [row] = await tx
      .update(casePeople)
      .set({ ...fields, updatedAt: sql`now()` })
      .where(and(eq(casePeople.id, personId), eq(casePeople.caseId, caseId)))
      .returning({ id: casePeople.id });
    if (!row) return fieldError('personId', 'recordInvalid');
    await recordChange(tx, actorOf(actor), { kind: 'person', id: personId, caseId, changeKind: 'updated', action: 'people.update' });
    return succeeded({ personId });
  });
  if (result.ok) revalidatePublicCases();
  return result;
}
