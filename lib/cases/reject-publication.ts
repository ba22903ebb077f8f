import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { publicationRequests } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { rejectPublicationSchema } from './schemas';

/** A reviewer refuses a pending publication and says why; the requester reads the reason on the case. */
export const rejectPublication = defineOperation({
  name: 'cases.rejectPublication',
  input: rejectPublicationSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, actor, audit }, { requestId, reason }): Promise<OperationResult<{ caseId: string }>> {
    const [pending] = await tx
      .select({ requestedByUserId: publicationRequests.requestedByUserId })
      .from(publicationRequests)
      .where(and(eq(publicationRequests.id, requestId), eq(publicationRequests.status, 'pending')))
      .for('update');
    if (!pending) return fieldError('requestId', 'requestInvalid');
    // The requester withdraws their own request; a rejection is a reviewer's word.
    if (pending.requestedByUserId === actor.userId) return fieldError('requestId', 'secondApproverRequired');
    const [request] = await tx
      .update(publicationRequests)
      .set({ status: 'rejected', rejectionReason: reason, decidedByUserId: actor.userId, decidedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(publicationRequests.id, requestId))
      .returning({ caseId: publicationRequests.caseId });
    await audit({ entityType: 'publication_request', entityId: requestId, before: { status: 'pending' }, after: { status: 'rejected', reason, caseId: request!.caseId } });
    return succeeded({ caseId: request!.caseId });
  },
});
