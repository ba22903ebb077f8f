import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { timelineEvents } from '@/db/schema';
import { fieldError, type OperationResult } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { revalidatePublicCases } from './public-cache';
import { type UpdateEventInput, updateEventSchema } from './schemas';
import { type EventWriteResult, publicationRefusedAsFieldError, writeEvent } from './write-event';

/**
 * Edits an internal event. A public event is never rewritten silently: it is corrected or retracted
 * in the open (correctEvent, retractEvent).
 */
export async function updateEvent(session: StaffSession | null, input: UpdateEventInput): Promise<OperationResult<EventWriteResult>> {
  const actor = await authorize(session, 'events.update');
  const { eventId, ...fields } = updateEventSchema.parse(input);
  const db = await getDb();
  const result = await db
    .transaction(async (tx): Promise<OperationResult<EventWriteResult>> => {
      const [current] = await tx
        .select({ visibility: timelineEvents.visibility, retractedAt: timelineEvents.retractedAt })
        .from(timelineEvents)
        .where(and(eq(timelineEvents.id, eventId), eq(timelineEvents.caseId, fields.caseId)))
        .for('update');
      if (!current) return fieldError('eventId', 'recordInvalid');
      if (current.visibility === 'public') return fieldError('form', 'publicEventNeedsCorrection');
      if (current.retractedAt) return fieldError('form', 'eventRetracted');
      return writeEvent(tx, actorOf(actor), fields, { eventId, changeKind: 'updated', action: 'events.update' });
    })
    .catch(publicationRefusedAsFieldError);
  if (result.ok) revalidatePublicCases();
  return result;
}
