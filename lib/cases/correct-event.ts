import 'server-only';
import { eventCorrections } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult } from '@/lib/operations/result';
import { recordCaseNews } from './case-news';
import { internalAccessOf, keepWithheldEventNotes } from './internal-access';
import { revalidatePublicCases } from './public-cache';
import { correctEventSchema } from './schemas';
import { type EventWriteResult, lockEvent, publicationRefusedAsFieldError, writeEvent } from './write-event';

/**
 * Changes a public event in the open: the new text replaces the old one, the old version stays in the
 * history, and the public reads "corrected on <date>" with the reason. Internal notes the saver may
 * not see are kept as stored.
 */
export const correctEvent = defineOperation({
  name: 'events.correct',
  input: correctEventSchema,
  writes: true,
  changesPublicView: true,
  async run({ tx, actor, session }, { eventId, publicReason, correctionNote, ...form }): Promise<OperationResult<EventWriteResult>> {
    const current = await lockEvent(tx, eventId, form.caseId);
    if (!current) return fieldError('eventId', 'recordInvalid');
    if (current.retractedAt) return fieldError('form', 'eventRetracted');
    const fields = await keepWithheldEventNotes(tx, internalAccessOf(session), eventId, form);
    // A correction keeps the event where it is: it never makes an internal event public.
    const written = await writeEvent(tx, actor, { ...fields, visibility: current.visibility }, {
      eventId,
      changeKind: 'corrected',
      action: 'events.correct',
    }).catch(publicationRefusedAsFieldError);
    if (!written.ok) return written;
    await tx.insert(eventCorrections).values({
      eventId,
      kind: 'correction',
      publicReason,
      internalNote: correctionNote,
      createdByUserId: actor.userId,
    });
    if (current.visibility === 'public') await recordCaseNews(tx, fields.caseId, fields.title);
    return written;
  },
  afterCommit: revalidatePublicCases,
});
