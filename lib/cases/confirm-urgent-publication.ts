import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { publicationRequests } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { requestIdSchema } from './schemas';

/** A second staff member reviews, after the fact, a correction that went public at once under the urgent rule. */
export const confirmUrgentPublication = defineOperation({
  name: 'cases.reviewUrgentPublication',
  input: requestIdSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, actor, audit }, { requestId }): Promise<OperationResult<{ caseId: string }>> {
    const [request] = await tx
      .select({ caseId: publicationRequests.caseId, requestedByUserId: publicationRequests.requestedByUserId })
      .from(publicationRequests)
      .where(and(eq(publicationRequests.id, requestId), ne(publicationRequests.urgentReason, ''), isNull(publicationRequests.reviewedAfterAt)))
      .for('update');
    if (!request) return fieldError('requestId', 'requestInvalid');
    if (request.requestedByUserId === actor.userId) return fieldError('requestId', 'secondApproverRequired');
    await tx
      .update(publicationRequests)
      .set({ reviewedAfterByUserId: actor.userId, reviewedAfterAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(publicationRequests.id, requestId));
    await audit({ entityType: 'publication_request', entityId: requestId, before: { reviewedAfter: false }, after: { reviewedAfter: true, caseId: request.caseId } });
    return succeeded({ caseId: request.caseId });
  },
});
