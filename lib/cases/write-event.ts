/**
 * Writes an event with its people and sources (a new source included) and the custody it reports,
 * and recomputes its grade, in the caller's transaction. This is the working copy: the public sees the
 * event (and the custody it reports) only once a publication carrying it is approved. An event newly
 * meant to be public asks for that publication at once (lib/cases/publication-gate.ts).
 */
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { casePeople, cases, sources, timelineEventPeople, timelineEventSources, timelineEvents } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import type { Transaction } from '@/db/client';
import type { AuditActor } from '@/lib/audit/record-audit';
import { recordChange, refreshVerificationGrades } from './case-records';
import { requestPublicationIn } from './publication-gate';
import type { EventFields } from './schemas';

export interface EventWriteResult {
  eventId: string;
  /** What became of the request to make the event public. */
  publication: 'published' | 'pending' | null;
  /** Why no publication was asked for an event meant to be public (the case is not public, no consent…). */
  publicationRefusal: string | null;
}

/** An event of this case as it stands, locked until the transaction ends; null when the case has no such event. */
export async function lockEvent(tx: Transaction, eventId: string, caseId: string) {
  const [current] = await tx
    .select({ visibility: timelineEvents.visibility, retractedAt: timelineEvents.retractedAt })
    .from(timelineEvents)
    .where(and(eq(timelineEvents.id, eventId), eq(timelineEvents.caseId, caseId)))
    .for('update');
  return current ?? null;
}

export async function writeEvent(
  tx: Transaction,
  actor: AuditActor,
  fields: EventFields,
  existing: { eventId: string; changeKind: string; action: string } | null,
): Promise<OperationResult<EventWriteResult>> {
  const [owner] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, fields.caseId)).for('update');
  if (!owner) return fieldError('caseId', 'recordInvalid');
  if (fields.personIds.length > 0) {
    const found = await tx
      .select({ id: casePeople.id })
      .from(casePeople)
      .where(and(eq(casePeople.caseId, fields.caseId), inArray(casePeople.id, fields.personIds)));
    if (found.length !== fields.personIds.length) return fieldError('personIds', 'recordInvalid');
  }
  if (fields.sourceIds.length > 0) {
    const found = await tx.select({ id: sources.id }).from(sources).where(inArray(sources.id, fields.sourceIds));
    if (found.length !== fields.sourceIds.length) return fieldError('sourceIds', 'recordInvalid');
  }

  const sourceIds = [...fields.sourceIds];
  if (fields.newSourceAttribution && fields.newSourceKind) {
    const [source] = await tx
      .insert(sources)
      .values({
        kind: fields.newSourceKind,
        publicAttribution: fields.newSourceAttribution,
        mayBeNamed: fields.newSourceMayBeNamed,
        name: fields.newSourceName,
        url: fields.newSourceUrl,
        origin: fields.newSourceOrigin ?? '',
      })
      .returning({ id: sources.id });
    await recordChange(tx, actor, { kind: 'source', id: source!.id, caseId: null, changeKind: 'created', action: 'sources.create' });
    sourceIds.push(source!.id);
  }

  const reportsCustody = Boolean(fields.updateCustody && fields.custodyStatus);
  const record = {
    custodyStatus: reportsCustody ? fields.custodyStatus || null : null,
    custodyPlace: reportsCustody ? (fields.custodyPlace ?? fields.place) : null,
    visibility: fields.visibility,
    occurredOn: fields.occurredOn,
    occurredPrecision: fields.occurredPrecision,
    endedOn: fields.endedOn,
    eventType: fields.eventType,
    title: fields.title,
    description: fields.description,
    place: fields.place,
    disputed: fields.disputed,
    internalNotes: fields.internalNotes,
  };
  let eventId: string;
  let wasMeantPublic = false;
  if (existing) {
    const before = await lockEvent(tx, existing.eventId, fields.caseId);
    if (!before) return fieldError('eventId', 'recordInvalid');
    wasMeantPublic = before.visibility === 'public';
    await tx.update(timelineEvents).set({ ...record, updatedAt: sql`now()` }).where(eq(timelineEvents.id, existing.eventId));
    eventId = existing.eventId;
    await tx.delete(timelineEventPeople).where(eq(timelineEventPeople.eventId, eventId));
    await tx.delete(timelineEventSources).where(eq(timelineEventSources.eventId, eventId));
  } else {
    const [row] = await tx
      .insert(timelineEvents)
      .values({ ...record, caseId: fields.caseId })
      .returning({ id: timelineEvents.id });
    eventId = row!.id;
  }
  if (fields.personIds.length > 0) {
    await tx.insert(timelineEventPeople).values(fields.personIds.map((personId) => ({ eventId, personId })));
  }
  if (sourceIds.length > 0) {
    await tx.insert(timelineEventSources).values(sourceIds.map((sourceId) => ({ eventId, sourceId })));
  }
  await refreshVerificationGrades(tx, [eventId]);

  await recordChange(tx, actor, {
    kind: 'event',
    id: eventId,
    caseId: fields.caseId,
    changeKind: existing?.changeKind ?? 'created',
    action: existing?.action ?? 'events.create',
  });

  let publication: EventWriteResult['publication'] = null;
  let publicationRefusal: string | null = null;
  if (fields.visibility === 'public' && !wasMeantPublic) {
    // Newly meant to be public: ask for it now, with whatever else of the case waits (the reviewer sees it all).
    const gate = await requestPublicationIn(tx, actor, { caseId: fields.caseId, note: fields.publicationNote, notTakingDown: true });
    // Refused when the case itself is not (yet) public or lacks consent: the event waits in the working copy.
    if ('refused' in gate) publicationRefusal = gate.refused;
    else publication = gate.outcome;
  }
  return succeeded({ eventId, publication, publicationRefusal });
}
