import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { eventCorrections, timelineEvents } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { notifyCaseSubscribers } from '@/lib/petitions/notify-case-subscribers';
import { actorOf } from '@/lib/audit/record-audit';
import { recordChange, refreshVerificationGrades } from './case-records';
import { revalidatePublicCases } from './public-cache';
import { type RetractEventInput, retractEventSchema } from './schemas';

/**
 * Withdraws an event that turned out wrong. It stays on the timeline, marked "retracted on <date>"
 * with the public reason, so nobody can say the record was quietly rewritten.
 */
export async function retractEvent(session: StaffSession | null, input: RetractEventInput): Promise<OperationResult<{ eventId: string }>> {
  const actor = await authorize(session, 'events.retract');
  const { caseId, eventId, publicReason, correctionNote } = retractEventSchema.parse(input);
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<OperationResult<{ eventId: string }>> => {
    const [row] = await tx
      .update(timelineEvents)
      .set({ retractedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(timelineEvents.id, eventId), eq(timelineEvents.caseId, caseId), isNull(timelineEvents.retractedAt)))
      .returning({ id: timelineEvents.id, visibility: timelineEvents.visibility, title: timelineEvents.title });
    if (!row) return fieldError('eventId', 'recordInvalid');
    await refreshVerificationGrades(tx, [eventId]);
    await tx.insert(eventCorrections).values({ eventId, kind: 'retraction', publicReason, internalNote: correctionNote, createdByUserId: actor.userId });
    await recordChange(tx, actorOf(actor), { kind: 'event', id: eventId, caseId, changeKind: 'retracted', action: 'events.retract' });
    if (row.visibility === 'public') await notifyCaseSubscribers(tx, caseId, { headline: row.title });
    return succeeded({ eventId });
  });
  if (result.ok) revalidatePublicCases();
  return result;
}
