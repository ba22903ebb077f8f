import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { cases } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { caseIsPublicNow, PublicationRequired, publicationRequiredAsFieldError, recordChange } from './case-records';
import { internalAccessOf } from './internal-access';
import { revalidatePublicCases } from './public-cache';
import { updateCaseSchema } from './schemas';

/**
 * Edits a case file. A change that would make a hidden case public (publishing, archiving a draft
 * campaign, turning quiet advocacy into a campaign) is refused: that goes through requestPublication.
 * Internal notes the saver may not see are kept as stored, never blanked by the form.
 */
export const updateCase = defineOperation({
  name: 'cases.update',
  input: updateCaseSchema,
  writes: true,
  changesPublicView: true,
  async run({ tx, actor, session }, { caseId, internalNotes, ...fields }): Promise<OperationResult<{ caseId: string }>> {
    const [taken] = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.slug, fields.slug), ne(cases.id, caseId)));
    if (taken) return fieldError('slug', 'slugTaken');
    const [existing] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (!existing) return fieldError('caseId', 'recordInvalid');
    try {
      const wasPublic = await caseIsPublicNow(tx, caseId);
      const notes = internalAccessOf(session).internalNotes ? { internalNotes } : {};
      await tx.update(cases).set({ ...fields, ...notes, updatedAt: sql`now()` }).where(eq(cases.id, caseId));
      if (!wasPublic && (await caseIsPublicNow(tx, caseId))) throw new PublicationRequired(fields.lifecycle === 'draft' ? 'publicityMode' : 'lifecycle');
      await recordChange(tx, actor, { kind: 'case', id: caseId, caseId, changeKind: 'updated', action: 'cases.update' });
      return succeeded({ caseId });
    } catch (error) {
      return publicationRequiredAsFieldError(error);
    }
  },
  // A public case's title or summary may have changed, or it may have been withdrawn from public view.
  afterCommit: revalidatePublicCases,
});
