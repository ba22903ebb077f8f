import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { eventCorrections, timelineEvents } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordChange, refreshVerificationGrades } from './case-records';
import { publishCorrection } from './correction-publication';
import { revalidatePublicCases } from './public-cache';
import { retractEventSchema } from './schemas';

/**
 * Withdraws an event that turned out wrong. It stays on the timeline, marked "retracted on <date>"
 * with the public reason, so nobody can say the record was quietly rewritten.
 */
export const retractEvent = defineOperation({
  name: 'events.retract',
  input: retractEventSchema,
  writes: true,
  // Only an urgent retraction, where two admins allowed them, or a request without a second approval.
  changesPublicView: true,
  async run({ tx, actor }, { caseId, eventId, publicReason, correctionNote, urgentReason }): Promise<OperationResult<{ eventId: string; publication: 'published' | 'pending' | null }>> {
    const [row] = await tx
      .update(timelineEvents)
      .set({ retractedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(timelineEvents.id, eventId), eq(timelineEvents.caseId, caseId), isNull(timelineEvents.retractedAt)))
      .returning({ id: timelineEvents.id, visibility: timelineEvents.visibility, title: timelineEvents.title });
    if (!row) return fieldError('eventId', 'recordInvalid');
    await refreshVerificationGrades(tx, [eventId]);
    await tx.insert(eventCorrections).values({ eventId, kind: 'retraction', publicReason, internalNote: correctionNote, createdByUserId: actor.userId });
    await recordChange(tx, actor, { kind: 'event', id: eventId, caseId, changeKind: 'retracted', action: 'events.retract' });
    if (row.visibility !== 'public') return succeeded({ eventId, publication: null });
    const published = await publishCorrection(tx, actor, { caseId, eventId, titles: [row.title], urgentReason, note: correctionNote });
    if (!published.ok) return published;
    return succeeded({ eventId, publication: published.value.publication });
  },
  afterCommit: ({ publication }) => {
    if (publication === 'published') revalidatePublicCases();
  },
});
