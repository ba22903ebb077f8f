import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { cases } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordChange } from './case-records';
import { internalAccessOf } from './internal-access';
import { updateCaseSchema } from './schemas';

/**
 * Edits a case file: the working copy. Its public text, its lifecycle (published, archived) and publicity
 * reach the public only through an approved publication request, a takedown included. Internal notes the
 * saver may not see are kept as stored, never blanked by the form.
 */
export const updateCase = defineOperation({
  name: 'cases.update',
  input: updateCaseSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, actor, session }, { caseId, internalNotes, ...fields }): Promise<OperationResult<{ caseId: string }>> {
    const [taken] = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.slug, fields.slug), ne(cases.id, caseId)));
    if (taken) return fieldError('slug', 'slugTaken');
    const [existing] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (!existing) return fieldError('caseId', 'recordInvalid');
    const notes = internalAccessOf(session).internalNotes ? { internalNotes } : {};
    await tx.update(cases).set({ ...fields, ...notes, updatedAt: sql`now()` }).where(eq(cases.id, caseId));
    await recordChange(tx, actor, { kind: 'case', id: caseId, caseId, changeKind: 'updated', action: 'cases.update' });
    return succeeded({ caseId });
  },
});
