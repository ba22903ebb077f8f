/**
 * Canaries in what advocates' work leaves behind on the public canary case: the consent waiver, source
 * origins, version history, publication requests, correction notes, and a correction and a retraction
 * of an internal event (whose public reasons must stay private with the event).
 */
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { cases, eventCorrections, publicationRequests, recordVersions, sources, users } from '@/db/schema';

export async function insertCanaryCaseRecords(
  tx: Transaction,
  records: { caseId: string; personId: string; publicEventId: string; internalEventId: string; sourceIds: string[] },
  canary: (field: string) => string,
): Promise<void> {
  const [author] = await tx
    .insert(users)
    .values({ email: 'canary.author@vigil.test', displayName: canary('author.displayName'), role: 'advocate', disabledAt: new Date() })
    .returning({ id: users.id });
  await tx.update(cases).set({ consentWaiverReason: canary('case.consentWaiverReason') }).where(eq(cases.id, records.caseId));
  for (const [index, sourceId] of records.sourceIds.entries()) {
    await tx.update(sources).set({ origin: canary(`source${index}.origin`) }).where(eq(sources.id, sourceId));
  }
  await tx.insert(eventCorrections).values([
    { eventId: records.publicEventId, kind: 'correction', publicReason: 'A public correction of the canary event.', internalNote: canary('publicEvent.correction.internalNote'), createdByUserId: author!.id },
    { eventId: records.internalEventId, kind: 'correction', publicReason: canary('internalEvent.correction.publicReason'), internalNote: canary('internalEvent.correction.internalNote'), createdByUserId: author!.id },
    { eventId: records.internalEventId, kind: 'retraction', publicReason: canary('internalEvent.retraction.publicReason'), createdByUserId: author!.id },
  ]);
  await tx.insert(publicationRequests).values([
    { caseId: records.caseId, requestedByUserId: author!.id, note: canary('case.publicationNote'), status: 'approved', decidedByUserId: author!.id, decidedAt: new Date() },
    { caseId: records.caseId, eventId: records.internalEventId, requestedByUserId: author!.id, note: canary('internalEvent.publicationNote') },
  ]);
  const versions = [
    { entityType: 'case' as const, entityId: records.caseId },
    { entityType: 'person' as const, entityId: records.personId },
    { entityType: 'event' as const, entityId: records.publicEventId },
    { entityType: 'event' as const, entityId: records.internalEventId },
  ];
  await tx.insert(recordVersions).values(
    versions.map((version) => ({
      ...version,
      caseId: records.caseId,
      version: 1,
      changeKind: 'created',
      snapshot: { before: canary(`${version.entityType}.history`) },
      changedByUserId: author!.id,
    })),
  );
}
