import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { eventCorrections, timelineEvents } from '@/db/schema';
import { fieldError, type OperationResult } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { notifyCaseSubscribers } from '@/lib/petitions/notify-case-subscribers';
import { actorOf } from '@/lib/audit/record-audit';
import { revalidatePublicCases } from './public-cache';
import { type CorrectEventInput, correctEventSchema } from './schemas';
import { type EventWriteResult, publicationRefusedAsFieldError, writeEvent } from './write-event';

/**
 * Changes a public event in the open: the new text replaces the old one, the old version stays in the
 * history, and the public reads "corrected on <date>" with the reason.
 */
export async function correctEvent(session: StaffSession | null, input: CorrectEventInput): Promise<OperationResult<EventWriteResult>> {
  const actor = await authorize(session, 'events.correct');
  const { eventId, publicReason, correctionNote, ...fields } = correctEventSchema.parse(input);
  const db = await getDb();
  const result = await db
    .transaction(async (tx): Promise<OperationResult<EventWriteResult>> => {
      const [current] = await tx
        .select({ visibility: timelineEvents.visibility, retractedAt: timelineEvents.retractedAt })
        .from(timelineEvents)
        .where(and(eq(timelineEvents.id, eventId), eq(timelineEvents.caseId, fields.caseId)))
        .for('update');
      if (!current) return fieldError('eventId', 'recordInvalid');
      if (current.retractedAt) return fieldError('form', 'eventRetracted');
      // A correction keeps the event where it is: it never makes an internal event public.
      const written = await writeEvent(tx, actorOf(actor), { ...fields, visibility: current.visibility }, {
        eventId,
        changeKind: 'corrected',
        action: 'events.correct',
      });
      if (!written.ok) return written;
      await tx.insert(eventCorrections).values({
        eventId,
        kind: 'correction',
        publicReason,
        internalNote: correctionNote,
        createdByUserId: actor.userId,
      });
      if (current.visibility === 'public') await notifyCaseSubscribers(tx, fields.caseId, { headline: fields.title });
      return written;
    })
    .catch(publicationRefusedAsFieldError);
  if (result.ok) revalidatePublicCases();
  return result;
}
