/**
 * Moves a letter along generated → sent → delivered → replied / no reply, with the day and (for a
 * reply) a note. "Sent" and "replied" can become timeline events of the letter's case, with a title
 * the organizer writes for the public; the reply note itself stays private. The event is written by
 * the case files' own writeEvent and reaches the public through the same publication gate as any
 * other (consent, and a second staff member's approval when the case rules ask for one).
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { letters } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { revalidatePublicCases } from '@/lib/cases/public-cache';
import { eventFieldsSchema } from '@/lib/cases/schemas';
import { writeEvent } from '@/lib/cases/write-event';
import { trackLetterSchema } from './schemas';
import { type LetterStatus, NEXT_LETTER_STATUSES } from './vocabulary';


export interface TrackedLetter {
  letterId: string;
  status: LetterStatus;
  eventId: string | null;
  /** The timeline event's way to the public: at once, or after a second approval. */
  publication: 'published' | 'pending' | null;
}

export const trackLetter = defineOperation({
  name: 'letters.track',
  input: trackLetterSchema,
  writes: true,
  // "Sent" and "replied" can add an event to the case's public timeline.
  changesPublicView: true,
  async run({ tx, actor, audit }, update): Promise<OperationResult<TrackedLetter>> {
    const [letter] = await tx
      .select({ id: letters.id, caseId: letters.caseId, status: letters.status, sentOn: letters.sentOn })
      .from(letters)
      .where(eq(letters.id, update.letterId))
      .for('update');
    if (!letter) return fieldError('letterId', 'recordInvalid');
    if (!NEXT_LETTER_STATUSES[letter.status].includes(update.status)) return fieldError('status', 'statusNotNext');
    if (letter.sentOn && update.on < letter.sentOn) return fieldError('on', 'beforeSent');
    let eventId: string | null = null;
    let publication: TrackedLetter['publication'] = null;
    if (update.addToTimeline) {
      const fields = eventFieldsSchema.parse({
        caseId: letter.caseId,
        occurredOn: update.on,
        occurredPrecision: 'day',
        eventType: update.status === 'sent' ? 'advocacy' : 'statement',
        title: update.publicTitle,
        visibility: 'public',
        publicationNote: `From the letters desk: letter ${letter.id} ${update.status}.`,
      });
      const written = await writeEvent(tx, actor, fields, null);
      if (!written.ok) return written;
      // The case may not be made public (no consent recorded): the whole update rolls back.
      if (written.value.publicationRefusal === 'consentRequired') return fieldError('addToTimeline', 'consentRequired');
      eventId = written.value.eventId;
      publication = written.value.publication;
    }
    const changes = {
      status: update.status,
      ...(update.status === 'sent' ? { sentOn: update.on, sentVia: update.sentVia || null, sentEventId: eventId } : {}),
      ...(update.status === 'delivered' ? { deliveredOn: update.on } : {}),
      ...(update.status === 'replied' ? { repliedOn: update.on, replyNote: update.note, replyEventId: eventId } : {}),
      ...(update.status === 'no_reply' ? { closedOn: update.on, replyNote: update.note } : {}),
      updatedAt: sql`now()`,
    };
    await tx.update(letters).set(changes).where(eq(letters.id, letter.id));
    await audit({
      entityType: 'letter',
      entityId: letter.id,
      before: { status: letter.status },
      after: { status: update.status, on: update.on, sentVia: update.sentVia, note: update.note, timelineEventId: eventId },
    });
    return succeeded({ letterId: letter.id, status: update.status, eventId, publication });
  },
  afterCommit: ({ publication }) => {
    if (publication === 'published') revalidatePublicCases();
  },
});
