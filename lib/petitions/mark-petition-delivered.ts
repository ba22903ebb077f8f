import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { petitions } from '@/db/schema';
import { revalidatePublicCases } from '@/lib/cases/public-cache';
import { createEventSchema } from '@/lib/cases/schemas';
import { writeEvent } from '@/lib/cases/write-event';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { readConfirmedCounts } from './confirmed-count';
import { afterPetitionWrite } from './petition-writes';
import { markDeliveredSchema } from './schemas';

/**
 * Records that the petition was handed over (date, recipient, note): it is closed if it was not, and
 * the case's timeline gains an event saying so, written like any other event (version, audit row,
 * publication gate), and signers who asked for updates are told once it is public.
 */
export const markPetitionDelivered = defineOperation({
  name: 'petitions.markDelivered',
  input: markDeliveredSchema,
  writes: true,
  changesPublicView: true,
  async run({ tx, audit, actor }, data) {
    const [before] = await tx.select().from(petitions).where(eq(petitions.id, data.petitionId)).for('update');
    if (!before) return fieldError('petitionId', 'petitionUnknown');
    if (before.status === 'delivered') return fieldError('petitionId', 'petitionFinished');
    if (before.status === 'draft') return fieldError('petitionId', 'notClosed');
    await tx
      .update(petitions)
      .set({
        status: 'delivered',
        closedAt: sql`coalesce(${petitions.closedAt}, now())`,
        deliveredOn: data.deliveredOn,
        deliveredTo: data.deliveredTo,
        deliveryNote: data.note || null,
        updatedAt: sql`now()`,
      })
      .where(eq(petitions.id, data.petitionId));

    const signatures = (await readConfirmedCounts(tx, [data.petitionId])).get(data.petitionId) ?? 0;
    const event = createEventSchema.parse({
      caseId: before.caseId,
      occurredOn: data.deliveredOn,
      occurredPrecision: 'day',
      eventType: 'advocacy',
      title: `Petition delivered to ${data.deliveredTo}`,
      description: `“${before.title}”, signed by ${signatures.toLocaleString('en')} people, was delivered to ${data.deliveredTo}.${data.note ? `\n\n${data.note}` : ''}`,
      visibility: 'public',
      publicationNote: `Petition “${before.title}” delivered`,
    });
    // The delivery goes on the public timeline like any public event: through the case's publication
    // gate (family consent, a second staff member's approval), which also tells signers who asked for
    // news once it is public. Where the gate refuses, the event waits in the case's working copy.
    const written = await writeEvent(tx, actor, event, null);
    if (!written.ok) return written;
    const refusal = written.value.publicationRefusal;
    // The petition keeps its link to the event: get-petition-delivery.ts tells organizers where it stands.
    const [delivered] = await tx
      .update(petitions)
      .set({ deliveryEventId: written.value.eventId, deliveryPublicationRefusal: refusal })
      .where(eq(petitions.id, data.petitionId))
      .returning();
    await audit({ entityType: 'petition', entityId: data.petitionId, before, after: delivered });
    return succeeded({ petitionId: data.petitionId, eventId: written.value.eventId, publication: written.value.publication });
  },
  afterCommit() {
    afterPetitionWrite();
    revalidatePublicCases();
  },
});
