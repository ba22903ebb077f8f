import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { publicationRequests } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { readCaseRules } from './case-rules';
import { applyCustodyChange, applyPublication, type CustodyChange, publicationRefusal } from './publication-gate';
import { revalidatePublicCases } from './public-cache';
import { approvePublicationSchema } from './schemas';

/** A second staff member approves a pending publication; consent is checked again, as it stands now. */
export const approvePublication = defineOperation({
  name: 'cases.approvePublication',
  input: approvePublicationSchema,
  writes: true,
  changesPublicView: true,
  async run({ tx, actor, audit }, { requestId }): Promise<OperationResult<{ caseId: string }>> {
    const [request] = await tx
      .select()
      .from(publicationRequests)
      .where(and(eq(publicationRequests.id, requestId), eq(publicationRequests.status, 'pending')))
      .for('update');
    if (!request) return fieldError('requestId', 'requestInvalid');
    const rules = await readCaseRules(tx);
    if (rules.requireSecondApproval && request.requestedByUserId === actor.userId) return fieldError('requestId', 'secondApproverRequired');
    const subject = { caseId: request.caseId, eventId: request.eventId };
    const refusal = await publicationRefusal(tx, subject);
    if (refusal) return fieldError('requestId', refusal);
    await tx
      .update(publicationRequests)
      .set({ status: 'approved', decidedByUserId: actor.userId, decidedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(publicationRequests.id, requestId));
    await audit({
      entityType: 'publication_request',
      entityId: requestId,
      before: { status: 'pending', requestedByUserId: request.requestedByUserId },
      after: { status: 'approved', ...subject },
    });
    await applyPublication(tx, actor, subject);
    if (request.custodyChange) await applyCustodyChange(tx, actor, request.caseId, request.custodyChange as CustodyChange);
    return succeeded({ caseId: request.caseId });
  },
  afterCommit: revalidatePublicCases,
});
