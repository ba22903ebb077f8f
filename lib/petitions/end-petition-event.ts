/** Ends a petition's event (start-petition-event.ts) now, or calls off one not begun: the usual ceiling applies again. */
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { petitionEvents } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { petitionIdSchema } from './schemas';

export const endPetitionEvent = defineOperation({
  name: 'petitions.endEvent',
  input: petitionIdSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, audit, actor }, { petitionId }) {
    const [ended] = await tx
      .update(petitionEvents)
      .set({ endedAt: sql`now()`, endedByUserId: actor.userId, updatedAt: sql`now()` })
      .where(and(eq(petitionEvents.petitionId, petitionId), isNull(petitionEvents.endedAt)))
      .returning({ id: petitionEvents.id, label: petitionEvents.label, endsAt: petitionEvents.endsAt, endedAt: petitionEvents.endedAt });
    if (!ended) return fieldError('petitionId', 'noEvent');
    await audit({
      entityType: 'petition_event',
      entityId: ended.id,
      before: { endsAt: ended.endsAt.toISOString() },
      after: { petitionId, label: ended.label, endedAt: ended.endedAt?.toISOString() ?? null },
    });
    return succeeded({ eventId: ended.id });
  },
});
