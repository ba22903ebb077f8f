import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { publicationRequests } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { type ApprovePublicationInput, approvePublicationSchema } from './schemas';

/** Withdraws a pending publication request (it was a mistake, or the situation changed): nothing becomes public. */
export async function withdrawPublication(session: StaffSession | null, input: ApprovePublicationInput): Promise<OperationResult<{ caseId: string }>> {
  const actor = await authorize(session, 'cases.withdrawPublication');
  const { requestId } = approvePublicationSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [request] = await tx
      .update(publicationRequests)
      .set({ status: 'withdrawn', decidedByUserId: actor.userId, decidedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(publicationRequests.id, requestId), eq(publicationRequests.status, 'pending')))
      .returning({ caseId: publicationRequests.caseId, eventId: publicationRequests.eventId });
    if (!request) return fieldError('requestId', 'requestInvalid');
    await recordAudit(tx, actorOf(actor), {
      action: 'cases.withdrawPublication',
      entityType: 'publication_request',
      entityId: requestId,
      before: { status: 'pending' },
      after: { status: 'withdrawn', ...request },
    });
    return succeeded({ caseId: request.caseId });
  });
}
