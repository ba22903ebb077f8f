import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { caseIsPublicNow, PublicationRequired, publicationRequiredAsFieldError, recordChange } from './case-records';
import { revalidatePublicCases } from './public-cache';
import { type UpdateCaseInput, updateCaseSchema } from './schemas';

/**
 * Edits a case file. A change that would make a hidden case public (publishing, archiving a draft
 * campaign, turning quiet advocacy into a campaign) is refused: that goes through requestPublication.
 */
export async function updateCase(session: StaffSession | null, input: UpdateCaseInput): Promise<OperationResult<{ caseId: string }>> {
  const actor = await authorize(session, 'cases.update');
  const { caseId, ...fields } = updateCaseSchema.parse(input);
  const db = await getDb();
  const [taken] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.slug, fields.slug), ne(cases.id, caseId)));
  if (taken) return fieldError('slug', 'slugTaken');
  const result = await db
    .transaction(async (tx): Promise<OperationResult<{ caseId: string }>> => {
      const [existing] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
      if (!existing) return fieldError('caseId', 'recordInvalid');
      const wasPublic = await caseIsPublicNow(tx, caseId);
      await tx.update(cases).set({ ...fields, updatedAt: sql`now()` }).where(eq(cases.id, caseId));
      if (!wasPublic && (await caseIsPublicNow(tx, caseId))) throw new PublicationRequired(fields.lifecycle === 'draft' ? 'publicityMode' : 'lifecycle');
      await recordChange(tx, actorOf(actor), { kind: 'case', id: caseId, caseId, changeKind: 'updated', action: 'cases.update' });
      return succeeded({ caseId });
    })
    .catch(publicationRequiredAsFieldError);
  // A public case's title or summary may have changed, or it may have been withdrawn from public view.
  if (result.ok) revalidatePublicCases();
  return result;
}
