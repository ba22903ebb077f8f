import 'server-only';
import { eventCorrections, timelineEvents } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { publishCorrection } from './correction-publication';
import { internalAccessOf, keepWithheldEventNotes } from './internal-access';
import { revalidatePublicCases } from './public-cache';
import { correctEventSchema } from './schemas';
import { type EventWriteResult, lockEvent, writeEvent } from './write-event';

/**
 * Changes a public event in the open: the new text replaces the old one, the old version stays in the
 * history, and once published the public reads "corrected on <date>" with the reason. Internal notes the
 * saver may not see are kept as stored.
 */
export const correctEvent = defineOperation({
  name: 'events.correct',
  input: correctEventSchema,
  writes: true,
  // Only an urgent correction, where two admins allowed them, or a request without a second approval.
  changesPublicView: true,
  async run({ tx, actor, session }, { eventId, publicReason, correctionNote, urgentReason, ...form }): Promise<OperationResult<EventWriteResult>> {
    const current = await lockEvent(tx, eventId, form.caseId);
    if (!current) return fieldError('eventId', 'recordInvalid');
    if (current.retractedAt) return fieldError('form', 'eventRetracted');
    const [before] = await tx.select({ title: timelineEvents.title }).from(timelineEvents).where(eq(timelineEvents.id, eventId));
    const fields = await keepWithheldEventNotes(tx, internalAccessOf(session), eventId, form);
    // A correction keeps the event where it is: it never makes an internal event public.
    const written = await writeEvent(tx, actor, { ...fields, visibility: current.visibility }, {
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
    if (current.visibility !== 'public') return written;
    const published = await publishCorrection(tx, actor, {
      caseId: fields.caseId,
      eventId,
      titles: [before!.title, fields.title],
      urgentReason,
      note: correctionNote,
    });
    if (!published.ok) return published;
    return succeeded({ ...written.value, publication: published.value.publication });
  },
  afterCommit: ({ publication }) => {
    if (publication === 'published') revalidatePublicCases();
  },
});
