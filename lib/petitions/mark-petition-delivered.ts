import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { petitions, timelineEvents } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/actions/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { recordChange, refreshVerificationGrades } from '@/lib/cases/case-records';
import { revalidatePublicCases } from '@/lib/cases/public-cache';
import { readConfirmedCounts } from './confirmed-count';
import { notifyCaseSubscribers } from './notify-case-subscribers';
import { afterPetitionWrite } from './petition-writes';
import { markDeliveredSchema, type MarkDeliveredInput } from './schemas';

/**
 * Records that the petition was handed over (date, recipient, note): it is closed if it was not, and
 * the case's public timeline gains an event saying so, written like any other event (with its version
 * and audit row), and signers who asked for updates are told.
 */
export async function markPetitionDelivered(
  session: StaffSession | null,
  input: MarkDeliveredInput,
  link: { origin: string },
): Promise<OperationResult<{ petitionId: string; eventId: string }>> {
  const actor = await authorize(session, 'petitions.markDelivered');
  const data = markDeliveredSchema.parse(input);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(petitions).where(eq(petitions.id, data.petitionId)).for('update');
    if (!before) return fieldError('petitionId', 'petitionUnknown');
    if (before.status === 'delivered') return fieldError('petitionId', 'petitionFinished');
    if (before.status === 'draft') return fieldError('petitionId', 'notClosed');
    const [after] = await tx
      .update(petitions)
      .set({
        status: 'delivered',
        closedAt: sql`coalesce(${petitions.closedAt}, now())`,
        deliveredOn: data.deliveredOn,
        deliveredTo: data.deliveredTo,
        deliveryNote: data.note || null,
        updatedAt: sql`now()`,
      })
      .where(eq(petitions.id, data.petitionId))
      .returning();
    await recordAudit(tx, actor, { action: 'petitions.markDelivered', entityType: 'petition', entityId: data.petitionId, before, after });

    const signatures = (await readConfirmedCounts(tx, [data.petitionId])).get(data.petitionId) ?? 0;
    const title = `Petition delivered to ${data.deliveredTo}`;
    const [event] = await tx
      .insert(timelineEvents)
      .values({
        caseId: before.caseId,
        occurredOn: data.deliveredOn,
        occurredPrecision: 'day',
        eventType: 'advocacy',
        title,
        description: `“${before.title}”, signed by ${signatures.toLocaleString('en')} people, was delivered to ${data.deliveredTo}.${data.note ? `\n\n${data.note}` : ''}`,
        visibility: 'public',
      })
      .returning({ id: timelineEvents.id });
    await refreshVerificationGrades(tx, [event!.id]);
    await recordChange(tx, actor, { kind: 'event', id: event!.id, caseId: before.caseId, changeKind: 'created', action: 'events.create' });
    await notifyCaseSubscribers(tx, before.caseId, { headline: title, origin: link.origin });
    return succeeded({ petitionId: data.petitionId, eventId: event!.id });
  });
  if (result.ok) {
    afterPetitionWrite();
    revalidatePublicCases();
  }
  return result;
}
