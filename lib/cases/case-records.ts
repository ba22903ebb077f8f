/**
 * What every case write shares: the actor of the change, the version history of each record, the
 * case's "last changed" time (review reminders read it), and the computed verification grade.
 * Internal helpers: the caller has authorized the session and runs them in its own transaction.
 */
import 'server-only';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  casePeople,
  cases,
  recordVersions,
  sources,
  timelineEventPeople,
  timelineEventSources,
  timelineEvents,
  users,
} from '@/db/schema';
import type { Database, Transaction } from '@/db/client';
import type { caseRecordKind } from '@/db/schema/enums';
import { type AuditActor, recordAudit } from '@/lib/audit/record-audit';
import { computeVerificationGrade } from './verification';

/**
 * Saved versions of records with the email of who saved each; the caller says which records, in what
 * order. `redaction` replaces the snapshot by what the reader may see (snapshotRedaction in internal-access.ts).
 */
export function selectRecordVersions(db: Database | Transaction, redaction?: { snapshot: SQL<unknown>; withheld: SQL<string[]> }) {
  return db
    .select({
      entityType: recordVersions.entityType,
      entityId: recordVersions.entityId,
      version: recordVersions.version,
      changeKind: recordVersions.changeKind,
      changedBy: users.email,
      changedAt: recordVersions.changedAt,
      snapshot: redaction?.snapshot ?? recordVersions.snapshot,
      ...(redaction ? { withheld: redaction.withheld } : {}),
    })
    .from(recordVersions)
    .leftJoin(users, eq(users.id, recordVersions.changedByUserId));
}

export type RecordKind = (typeof caseRecordKind.enumValues)[number];

/** The whole record as staff know it (internal fields included), as history keeps it. */
async function loadSnapshot(tx: Transaction, kind: RecordKind, id: string): Promise<Record<string, unknown> | null> {
  switch (kind) {
    case 'case':
      return (await tx.select().from(cases).where(eq(cases.id, id)))[0] ?? null;
    case 'person':
      return (await tx.select().from(casePeople).where(eq(casePeople.id, id)))[0] ?? null;
    case 'source':
      return (await tx.select().from(sources).where(eq(sources.id, id)))[0] ?? null;
    case 'event': {
      const [event] = await tx.select().from(timelineEvents).where(eq(timelineEvents.id, id));
      if (!event) return null;
      // One after the other: a transaction's queries share one connection.
      const people = await tx.select({ id: timelineEventPeople.personId }).from(timelineEventPeople).where(eq(timelineEventPeople.eventId, id));
      const cited = await tx.select({ id: timelineEventSources.sourceId }).from(timelineEventSources).where(eq(timelineEventSources.eventId, id));
      return { ...event, personIds: people.map((row) => row.id).sort(), sourceIds: cited.map((row) => row.id).sort() };
    }
  }
}

/**
 * Saves the record's current state as its next version, and writes the audit row with the previous
 * version as "before". Call after the change, inside its transaction.
 */
export async function recordChange(
  tx: Transaction,
  actor: AuditActor,
  change: { kind: RecordKind; id: string; caseId: string | null; changeKind: string; action: string },
): Promise<number> {
  const snapshot = await loadSnapshot(tx, change.kind, change.id);
  if (!snapshot) throw new Error(`No ${change.kind} ${change.id} to record`);
  const [previous] = await tx
    .select({ version: recordVersions.version, snapshot: recordVersions.snapshot })
    .from(recordVersions)
    .where(and(eq(recordVersions.entityType, change.kind), eq(recordVersions.entityId, change.id)))
    .orderBy(sql`${recordVersions.version} desc`)
    .limit(1);
  const version = (previous?.version ?? 0) + 1;
  await tx.insert(recordVersions).values({
    entityType: change.kind,
    entityId: change.id,
    caseId: change.caseId,
    version,
    changeKind: change.changeKind,
    snapshot: JSON.parse(JSON.stringify(snapshot)),
    changedByUserId: actor.userId,
  });
  await recordAudit(tx, actor, {
    action: change.action,
    entityType: change.kind,
    entityId: change.id,
    before: previous?.snapshot ?? null,
    after: snapshot,
  });
  if (change.caseId) await touchCase(tx, change.caseId);
  return version;
}

/** A change to anything in a case counts as an update of the case (review reminders look at it). */
async function touchCase(tx: Transaction, caseId: string): Promise<void> {
  await tx.update(cases).set({ updatedAt: sql`now()` }).where(eq(cases.id, caseId));
}

/** Recomputes and stores the verification grade of the given events from their current sources. */
export async function refreshVerificationGrades(tx: Transaction, eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return;
  // One after the other: a transaction's queries share one connection.
  const events = await tx
    .select({ id: timelineEvents.id, disputed: timelineEvents.disputed, retractedAt: timelineEvents.retractedAt })
    .from(timelineEvents)
    .where(inArray(timelineEvents.id, eventIds));
  const cited = await tx
    .select({ eventId: timelineEventSources.eventId, id: sources.id, kind: sources.kind, mayBeNamed: sources.mayBeNamed, origin: sources.origin })
    .from(timelineEventSources)
    .innerJoin(sources, eq(sources.id, timelineEventSources.sourceId))
    .where(inArray(timelineEventSources.eventId, eventIds))
    .orderBy(asc(sources.id));
  for (const event of events) {
    const grade = computeVerificationGrade({
      retracted: event.retractedAt !== null,
      disputed: event.disputed,
      sources: cited.filter((row) => row.eventId === event.id),
    });
    await tx.update(timelineEvents).set({ verificationGrade: grade }).where(eq(timelineEvents.id, event.id));
  }
}
