import 'server-only';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult } from '@/lib/operations/result';
import { internalAccessOf, keepWithheldEventNotes } from './internal-access';
import { revalidatePublicCases } from './public-cache';
import { eventIsPublished } from './public-queries';
import { updateEventSchema } from './schemas';
import { type EventWriteResult, lockEvent, writeEvent } from './write-event';

/**
 * Edits an event the public has not seen. A published event is never rewritten silently: it is corrected
 * or retracted in the open (correctEvent, retractEvent). Internal notes the saver may not see are kept as stored.
 */
export const updateEvent = defineOperation({
  name: 'events.update',
  input: updateEventSchema,
  writes: true,
  // Only by asking for publication where the case rules require no second approval.
  changesPublicView: true,
  async run({ tx, actor, session }, { eventId, ...form }): Promise<OperationResult<EventWriteResult>> {
    const current = await lockEvent(tx, eventId, form.caseId);
    if (!current) return fieldError('eventId', 'recordInvalid');
    // Once the public has seen it, it changes only in the open; until then it is a draft like any other.
    if (await eventIsPublished(tx, eventId)) return fieldError('form', 'publicEventNeedsCorrection');
    if (current.retractedAt) return fieldError('form', 'eventRetracted');
    const fields = await keepWithheldEventNotes(tx, internalAccessOf(session), eventId, form);
    return writeEvent(tx, actor, fields, { eventId, changeKind: 'updated', action: 'events.update' });
  },
  afterCommit: ({ publication }) => {
    if (publication === 'published') revalidatePublicCases();
  },
});
