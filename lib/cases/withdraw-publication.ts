import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { publicationRequests } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { requestIdSchema } from './schemas';

/** Withdraws a pending publication request (it was a mistake, or the situation changed): nothing becomes public. */
export const withdrawPublication = defineOperation({
  name: 'cases.withdrawPublication',
  input: requestIdSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, actor, audit }, { requestId }): Promise<OperationResult<{ caseId: string }>> {
    const [request] = await tx
      .update(publicationRequests)
      .set({ status: 'withdrawn', decidedByUserId: actor.userId, decidedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(publicationRequests.id, requestId), eq(publicationRequests.status, 'pending')))
      .returning({ caseId: publicationRequests.caseId });
    if (!request) return fieldError('requestId', 'requestInvalid');
    await audit({ entityType: 'publication_request', entityId: requestId, before: { status: 'pending' }, after: { status: 'withdrawn', ...request } });
    return succeeded({ caseId: request.caseId });
  },
});
