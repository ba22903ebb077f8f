/**
 * Event mode: an organizer announces a rally (or any gathering where a crowd signs from one mobile
 * network or one hall's wifi). From its start to its end the petition's per-address ceiling is raised to
 * fit the expected crowd (address-ceiling.ts); the signing statement reads the event itself, by the
 * database's clock. Outside the window, or on another petition, nothing changes.
 */
import 'server-only';
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { petitionEvents, petitions } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { eventAddressCeiling } from './address-ceiling';
import { startPetitionEventSchema } from './schemas';

export const startPetitionEvent = defineOperation({
  name: 'petitions.startEvent',
  input: startPetitionEventSchema,
  writes: true,
  // Only which signatures from one address are held changes; nothing public is shown differently.
  changesPublicView: false,
  async run({ tx, audit, actor }, { petitionId, label, startsAt, endsAt, expectedCrowd }) {
    const [petition] = await tx.select({ status: petitions.status }).from(petitions).where(eq(petitions.id, petitionId));
    if (!petition) return fieldError('petitionId', 'petitionUnknown');
    if (petition.status === 'closed' || petition.status === 'delivered') return fieldError('label', 'eventPetitionClosed');
    const now = new Date();
    const begins = startsAt ?? now;
    // The schema saw to it that there is an end, after the start.
    if (endsAt!.getTime() <= now.getTime()) return fieldError('endsAt', 'eventEndsInPast');
    // An event whose window has passed is over: it no longer stands in the way of the next one.
    await tx
      .update(petitionEvents)
      .set({ endedAt: petitionEvents.endsAt, updatedAt: sql`now()` })
      .where(and(eq(petitionEvents.petitionId, petitionId), isNull(petitionEvents.endedAt), lte(petitionEvents.endsAt, sql`now()`)));
    const addressCeiling = eventAddressCeiling(expectedCrowd);
    // The partial unique index keeps one event per petition, even when two organizers start one at once.
    const [event] = await tx
      .insert(petitionEvents)
      .values({ petitionId, label, startsAt: begins, endsAt: endsAt!, expectedCrowd, addressCeiling, createdByUserId: actor.userId })
      .onConflictDoNothing()
      .returning({ id: petitionEvents.id });
    if (!event) return fieldError('label', 'eventAlreadySet');
    await audit({
      entityType: 'petition_event',
      entityId: event.id,
      after: { petitionId, label, startsAt: begins.toISOString(), endsAt: endsAt!.toISOString(), expectedCrowd, addressCeiling },
    });
    return succeeded({ eventId: event.id, addressCeiling });
  },
});
