/**
 * Writes an event with its people and sources (a new source included), recomputes its grade, and,
 * when asked, moves the people concerned to the custody status the event reports, as of its date:
 * all in the caller's transaction, so the timeline and the status banner never disagree.
 */
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { casePeople, cases, sources, timelineEventPeople, timelineEventSources, timelineEvents } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import type { Transaction } from '@/db/client';
import type { AuditActor } from '@/lib/audit/record-audit';
import { recordChange, refreshVerificationGrades } from './case-records';
import { applyCustodyChange, type CustodyChange, requestPublicationIn } from './publication-gate';
import type { EventFields } from './schemas';

export interface EventWriteResult {
  eventId: string;
  /** What became of a request to make the event public. */
  publication: 'published' | 'pending' | null;
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

  const record = {
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
  let isPublic: boolean;
  if (existing) {
    const [row] = await tx
      .update(timelineEvents)
      .set({ ...record, updatedAt: sql`now()` })
      .where(and(eq(timelineEvents.id, existing.eventId), eq(timelineEvents.caseId, fields.caseId)))
      .returning({ id: timelineEvents.id, visibility: timelineEvents.visibility });
    if (!row) return fieldError('eventId', 'recordInvalid');
    eventId = row.id;
    isPublic = row.visibility === 'public';
    await tx.delete(timelineEventPeople).where(eq(timelineEventPeople.eventId, eventId));
    await tx.delete(timelineEventSources).where(eq(timelineEventSources.eventId, eventId));
  } else {
    // Every event starts internal; the public sees it only through the publication gate below.
    const [row] = await tx
      .insert(timelineEvents)
      .values({ ...record, caseId: fields.caseId, visibility: 'internal' })
      .returning({ id: timelineEvents.id });
    eventId = row!.id;
    isPublic = false;
  }
  if (fields.personIds.length > 0) {
    await tx.insert(timelineEventPeople).values(fields.personIds.map((personId) => ({ eventId, personId })));
  }
  if (sourceIds.length > 0) {
    await tx.insert(timelineEventSources).values(sourceIds.map((sourceId) => ({ eventId, sourceId })));
  }
  await refreshVerificationGrades(tx, [eventId]);

  const custodyChange: CustodyChange | null =
    fields.updateCustody && fields.custodyStatus
      ? {
          personIds: fields.personIds,
          custodyStatus: fields.custodyStatus,
          custodyPlace: fields.custodyPlace ?? fields.place,
          asOf: fields.occurredOn,
          precision: fields.occurredPrecision,
        }
      : null;
  const askingPublication = fields.visibility === 'public' && !isPublic;
  // With an event that waits for publication, its custody change waits too (applied on approval).
  if (custodyChange && !askingPublication) await applyCustodyChange(tx, actor, fields.caseId, custodyChange);

  await recordChange(tx, actor, {
    kind: 'event',
    id: eventId,
    caseId: fields.caseId,
    changeKind: existing?.changeKind ?? 'created',
    action: existing?.action ?? 'events.create',
  });

  let publication: EventWriteResult['publication'] = null;
  if (askingPublication) {
    const gate = await requestPublicationIn(tx, actor, { caseId: fields.caseId, eventId, note: fields.publicationNote, custodyChange });
    if ('refused' in gate) throw new PublicationRefused(gate.refused);
    publication = gate.outcome;
  }
  return succeeded({ eventId, publication });
}

/** Thrown to roll the whole write back when the event may not be made public; the form shows why at "visibility". */
export class PublicationRefused extends Error {
  constructor(readonly reason: string) {
    super(`Publication refused: ${reason}`);
    this.name = 'PublicationRefused';
  }
}

export function publicationRefusedAsFieldError(error: unknown): { ok: false; fieldErrors: Record<string, string> } {
  if (error instanceof PublicationRefused) return { ok: false, fieldErrors: { visibility: error.reason } };
  throw error;
}
