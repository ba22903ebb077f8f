import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { publicationRequests } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { readCaseRules } from './case-rules';
import { applyCustodyChange, applyPublication, type CustodyChange, publicationRefusal } from './publication-gate';
import { revalidatePublicCases } from './public-cache';
import { type ApprovePublicationInput, approvePublicationSchema } from './schemas';

/** A second staff member approves a pending publication; consent is checked again, as it stands now. */
export async function approvePublication(session: StaffSession | null, input: ApprovePublicationInput): Promise<OperationResult<{ caseId: string }>> {
  const actor = await authorize(session, 'cases.approvePublication');
  const { requestId } = approvePublicationSchema.parse(input);
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<OperationResult<{ caseId: string }>> => {
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
    await recordAudit(tx, actorOf(actor), {
      action: 'cases.approvePublication',
      entityType: 'publication_request',
      entityId: requestId,
      before: { status: 'pending', requestedByUserId: request.requestedByUserId },
      after: { status: 'approved', ...subject },
    });
    await applyPublication(tx, actorOf(actor), subject);
    if (request.custodyChange) await applyCustodyChange(tx, actorOf(actor), request.caseId, request.custodyChange as CustodyChange);
    return succeeded({ caseId: request.caseId });
  });
  if (result.ok) revalidatePublicCases();
  return result;
}
