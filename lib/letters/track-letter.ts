/**
 * Moves a letter along generated → sent → delivered → replied / no reply, with the day and (for a
 * reply) a note. "Sent" and "replied" can become public timeline events of the letter's case, with a
 * title the organizer writes for the public; the reply note itself stays private.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { letters, timelineEvents } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/actions/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { revalidatePublicCases } from '@/lib/cases/public-cache';
import { type TrackLetterInput, trackLetterSchema } from './schemas';
import { type LetterStatus, NEXT_LETTER_STATUSES } from './vocabulary';


export async function trackLetter(session: StaffSession | null, input: TrackLetterInput): Promise<OperationResult<{ letterId: string; status: LetterStatus; eventId: string | null }>> {
  const actor = await authorize(session, 'letters.track');
  const update = trackLetterSchema.parse(input);
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [letter] = await tx
      .select({ id: letters.id, caseId: letters.caseId, status: letters.status, sentOn: letters.sentOn })
      .from(letters)
      .where(eq(letters.id, update.letterId))
      .for('update');
    if (!letter) return fieldError('letterId', 'recordInvalid');
    if (!NEXT_LETTER_STATUSES[letter.status].includes(update.status)) return fieldError('status', 'statusNotNext');
    if (letter.sentOn && update.on < letter.sentOn) return fieldError('on', 'beforeSent');
    let eventId: string | null = null;
    if (update.addToTimeline) {
      const [event] = await tx
        .insert(timelineEvents)
        .values({
          caseId: letter.caseId,
          occurredOn: update.on,
          occurredPrecision: 'day',
          eventType: update.status === 'sent' ? 'advocacy' : 'statement',
          title: update.publicTitle,
          visibility: 'public',
        })
        .returning({ id: timelineEvents.id });
      eventId = event!.id;
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
    const auditActor = { userId: actor.userId, email: actor.email, ip: actor.ip };
    await recordAudit(tx, auditActor, {
      action: 'letters.track',
      entityType: 'letter',
      entityId: letter.id,
      before: { status: letter.status },
      after: { status: update.status, on: update.on, sentVia: update.sentVia, note: update.note, timelineEventId: eventId },
    });
    if (eventId) {
      await recordAudit(tx, auditActor, {
        action: 'events.create',
        entityType: 'timeline_event',
        entityId: eventId,
        after: { caseId: letter.caseId, occurredOn: update.on, title: update.publicTitle, visibility: 'public', fromLetter: letter.id },
      });
    }
    return succeeded({ letterId: letter.id, status: update.status, eventId });
  });
  if (outcome.ok && outcome.value.eventId) revalidatePublicCases();
  return outcome;
}
