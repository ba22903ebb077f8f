import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { casePeople, cases } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { recordChange } from './case-records';
import { revalidatePublicCases } from './public-cache';
import { createPersonSchema, type PersonFieldsInput } from './schemas';

/** Adds a person to a case, after the people already there. */
export async function createPerson(session: StaffSession | null, input: PersonFieldsInput): Promise<OperationResult<{ personId: string }>> {
  const actor = await authorize(session, 'people.create');
  const fields = createPersonSchema.parse(input);
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<OperationResult<{ personId: string }>> => {
    const [owner] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, fields.caseId)).for('update');
    if (!owner) return fieldError('caseId', 'recordInvalid');
    const [row] = await tx
      .insert(casePeople)
      .values({
        ...fields,
        displayOrder: sql`(select coalesce(max(${casePeople.displayOrder}) + 1, 0) from ${casePeople} where ${casePeople.caseId} = ${fields.caseId})`,
      })
      .returning({ id: casePeople.id });
    await recordChange(tx, actorOf(actor), { kind: 'person', id: row!.id, caseId: fields.caseId, changeKind: 'created', action: 'people.create' });
    return succeeded({ personId: row!.id });
  });
  if (result.ok) revalidatePublicCases();
  return result;
}
