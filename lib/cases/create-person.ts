import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { casePeople, cases } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordChange } from './case-records';
import { createPersonSchema } from './schemas';

/** Adds a person to a case, after the people already there. */
export const createPerson = defineOperation({
  name: 'people.create',
  input: createPersonSchema,
  writes: true,
  // The working copy only: the public sees it once a publication carrying it is approved.
  changesPublicView: false,
  async run({ tx, actor }, fields): Promise<OperationResult<{ personId: string }>> {
    const [owner] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, fields.caseId)).for('update');
    if (!owner) return fieldError('caseId', 'recordInvalid');
    const [row] = await tx
      .insert(casePeople)
      .values({
        ...fields,
        displayOrder: sql`(select coalesce(max(${casePeople.displayOrder}) + 1, 0) from ${casePeople} where ${casePeople.caseId} = ${fields.caseId})`,
      })
      .returning({ id: casePeople.id });
    await recordChange(tx, actor, { kind: 'person', id: row!.id, caseId: fields.caseId, changeKind: 'created', action: 'people.create' });
    return succeeded({ personId: row!.id });
  },
});
