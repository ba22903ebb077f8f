/**
 * Queries behind the public projection. They select public columns only, so no private value is ever
 * loaded. The `loadPublic*` queries read the staff's working copy: they build a publication's candidate
 * (lib/cases/public-snapshot.ts). The public itself reads published snapshots only (`readPublishedCases`).
 */
import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import {
  casePeople,
  cases,
  eventCorrections,
  petitions,
  publicSnapshots,
  sources,
  timelineEventPeople,
  timelineEventSources,
  timelineEvents,
} from '@/db/schema';
import {
  type PersonRow,
  type PublicCase,
  type PublicCorrection,
  type PublicPetitionText,
  type PublicPerson,
  type PublicSource,
  type PublicTimelineEvent,
  eventRef,
  fromSnapshot,
  toPublicCorrectionNotice,
  toPublicPerson,
  toPublicSource,
  toPublicTimelineEvent,
} from './public';

/** The one rule for what the public may see of a case: it has a current published snapshot. */
export const caseIsPublic = isNotNull(cases.publicSnapshotId);

/** The same rule as a selectable column: true or false, never null. */
export const caseIsPublicColumn = sql<boolean>`coalesce(${caseIsPublic}, false)`;

export const publicCaseColumns = {
  id: cases.id,
  slug: cases.slug,
  title: cases.title,
  summary: cases.publicSummary,
  urgency: cases.urgency,
  lifecycle: cases.lifecycle,
  lastUpdatedAt: sql<string>`greatest(
      ${cases.publishedAt},
      (select max(e.updated_at) from ${timelineEvents} e where e.case_id = ${cases.id} and e.visibility = 'public'),
      ${cases.createdAt}
    )`.mapWith((value: Date | string) => new Date(value).toISOString()),
};

const publicPersonColumns = {
  caseId: casePeople.caseId,
  publicAlias: casePeople.publicAlias,
  relation: casePeople.relation,
  birthYear: casePeople.birthYear,
  birthYearApproximate: casePeople.birthYearApproximate,
  isMinor: casePeople.isMinor,
  custodyStatus: casePeople.custodyStatus,
  custodyPlace: casePeople.custodyPlace,
  custodyAsOf: casePeople.custodyAsOf,
  custodyAsOfPrecision: casePeople.custodyAsOfPrecision,
  ...lastConfirmedColumns(),
  ...reportedCustodyColumns(),
};

/**
 * The custody the latest public, unretracted event reports for the person, if any: it wins over the status
 * set on the person. An internal event's report never reaches the public view.
 */
function reportedCustodyColumns() {
  const latest = (column: string) => sql.raw(`(select e.${column} from timeline_event_people tp
      join timeline_events e on e.id = tp.event_id
      where tp.person_id = case_people.id and e.visibility = 'public' and e.retracted_at is null and e.custody_status is not null
      order by e.occurred_on desc, e.created_at desc limit 1)`);
  return {
    reportedStatus: sql<PersonRow['custodyStatus'] | null>`${latest('custody_status')}`,
    reportedPlace: sql<string | null>`${latest('custody_place')}`,
    reportedOn: sql<string | null>`${latest('occurred_on')}`,
    reportedPrecision: sql<PersonRow['custodyAsOfPrecision'] | null>`${latest('occurred_precision')}`,
  };
}

/** The latest public, unretracted event concerning the person: its date and precision. */
function lastConfirmedColumns() {
  const latest = (column: string) => sql.raw(`(select e.${column} from timeline_event_people tp
      join timeline_events e on e.id = tp.event_id
      where tp.person_id = case_people.id and e.visibility = 'public' and e.retracted_at is null
      order by e.occurred_on desc, e.created_at desc limit 1)`);
  return {
    lastConfirmedOn: sql<string | null>`${latest('occurred_on')}`,
    lastConfirmedPrecision: sql<'day' | 'month' | 'year' | 'approximate' | null>`${latest('occurred_precision')}`,
  };
}

/** People of the given cases, grouped by case id, in display order. */
export async function loadPublicPeople(
  db: Database,
  caseIds: string[],
): Promise<Map<string, PublicPerson[]>> {
  const byCase = new Map<string, PublicPerson[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select(publicPersonColumns)
    .from(casePeople)
    .where(inArray(casePeople.caseId, caseIds))
    .orderBy(asc(casePeople.displayOrder), asc(casePeople.createdAt));
  for (const { reportedStatus, reportedPlace, reportedOn, reportedPrecision, ...row } of rows) {
    const list = byCase.get(row.caseId) ?? [];
    const reported = reportedStatus && reportedOn && reportedPrecision
      ? { custodyStatus: reportedStatus, custodyPlace: reportedPlace, custodyAsOf: reportedOn, custodyAsOfPrecision: reportedPrecision }
      : {};
    list.push(toPublicPerson({ ...row, ...reported }));
    byCase.set(row.caseId, list);
  }
  return byCase;
}

/** A case's public events in date order, each with the aliases it concerns and its public attributions. */
export async function loadPublicTimeline(db: Database | Transaction, caseId: string): Promise<PublicTimelineEvent[]> {
  const events = await db
    .select({
      id: timelineEvents.id,
      updatedAt: sql<string>`${timelineEvents.updatedAt}`.mapWith((value: Date | string) => new Date(value).toISOString()),
      occurredOn: timelineEvents.occurredOn,
      occurredPrecision: timelineEvents.occurredPrecision,
      endedOn: timelineEvents.endedOn,
      eventType: timelineEvents.eventType,
      title: timelineEvents.title,
      description: timelineEvents.description,
      place: timelineEvents.place,
      verificationGrade: timelineEvents.verificationGrade,
    })
    .from(timelineEvents)
    .where(and(eq(timelineEvents.caseId, caseId), eq(timelineEvents.visibility, 'public')))
    .orderBy(asc(timelineEvents.occurredOn), asc(timelineEvents.createdAt));
  if (events.length === 0) return [];
  const eventIds = events.map((event) => event.id);

  // One after the other: a publication builds this inside its transaction, whose queries share one connection.
  const peopleRows = await db
      .select({ eventId: timelineEventPeople.eventId, alias: casePeople.publicAlias })
      .from(timelineEventPeople)
      .innerJoin(casePeople, eq(casePeople.id, timelineEventPeople.personId))
      .where(inArray(timelineEventPeople.eventId, eventIds))
      .orderBy(asc(casePeople.displayOrder));
  const sourceRows = await db
      .select({
        eventId: timelineEventSources.eventId,
        kind: sources.kind,
        publicAttribution: sources.publicAttribution,
        mayBeNamed: sources.mayBeNamed,
        // Selected only when the source may be named: a confidential name never leaves the database.
        name: sql<string | null>`case when ${sources.mayBeNamed} then ${sources.name} end`,
        url: sql<string | null>`case when ${sources.mayBeNamed} then ${sources.url} end`,
      })
      .from(timelineEventSources)
      .innerJoin(sources, eq(sources.id, timelineEventSources.sourceId))
      .where(inArray(timelineEventSources.eventId, eventIds))
      .orderBy(asc(sources.createdAt));
  const correctionRows = await loadCorrectionRows(db, eventIds);

  const peopleByEvent = groupBy(peopleRows, (row) => row.eventId);
  const sourcesByEvent = groupBy(sourceRows, (row) => row.eventId);
  const correctionsByEvent = groupBy(correctionRows, (row) => row.eventId);
  return events.map((event) => {
    const latest = correctionsByEvent.get(event.id)?.[0];
    return toPublicTimelineEvent(
      { ...event, ref: eventRef(event.id) },
      (peopleByEvent.get(event.id) ?? []).map((row) => row.alias),
      (sourcesByEvent.get(event.id) ?? []).map((row): PublicSource => toPublicSource(row)),
      latest ? toPublicCorrectionNotice(latest) : null,
    );
  });
}

function loadCorrectionRows(db: Database, eventIds: string[]) {
  return db
    .select({
      eventId: eventCorrections.eventId,
      kind: eventCorrections.kind,
      publicReason: eventCorrections.publicReason,
      createdAt: sql<string>`${eventCorrections.createdAt}`.mapWith((value: Date | string) => new Date(value).toISOString()),
    })
    .from(eventCorrections)
    .where(inArray(eventCorrections.eventId, eventIds))
    .orderBy(desc(eventCorrections.createdAt));
}

/** The public corrections log of a case: every correction and retraction of its public events, newest first. */
export async function loadPublicCorrections(db: Database, caseId: string): Promise<PublicCorrection[]> {
  const rows = await db
    .select({
      eventTitle: timelineEvents.title,
      kind: eventCorrections.kind,
      publicReason: eventCorrections.publicReason,
      createdAt: sql<string>`${eventCorrections.createdAt}`.mapWith((value: Date | string) => new Date(value).toISOString()),
    })
    .from(eventCorrections)
    .innerJoin(timelineEvents, eq(timelineEvents.id, eventCorrections.eventId))
    .where(and(eq(timelineEvents.caseId, caseId), eq(timelineEvents.visibility, 'public')))
    .orderBy(desc(eventCorrections.createdAt));
  return rows.map(({ eventTitle, ...row }) => ({ eventTitle, ...toPublicCorrectionNotice(row) }));
}

/**
 * The text of the case's petitions that organizers have opened (any status but draft), oldest first: the
 * working copy's, for a publication's candidate. Status, dates and counts are not in it: they stay live.
 */
export async function loadPublicPetitionTexts(db: Database | Transaction, caseId: string): Promise<PublicPetitionText[]> {
  return db
    .select({ slug: petitions.slug, title: petitions.title, body: petitions.body, target: petitions.target })
    .from(petitions)
    .where(and(eq(petitions.caseId, caseId), ne(petitions.status, 'draft')))
    .orderBy(asc(petitions.createdAt), asc(petitions.slug));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row)) ?? [];
    list.push(row);
    groups.set(key(row), list);
  }
  return groups;
}

/** The public views of the cases matching `where` (a condition on `cases`), read from their current snapshots. */
export async function readPublishedCases(db: Database, where?: SQL): Promise<PublicCase[]> {
  const rows = await db
    .select({ content: publicSnapshots.content, stamps: publicSnapshots.stamps })
    .from(cases)
    .innerJoin(publicSnapshots, eq(publicSnapshots.id, cases.publicSnapshotId))
    .where(where ? and(caseIsPublic, where) : caseIsPublic);
  return rows.flatMap((row) => (row.content ? [fromSnapshot(row.content, row.stamps)] : []));
}

/** The published slug and title of a public case, joined on `cases` (public pages never show the working copy's). */
export const publishedCaseColumns = {
  slug: sql<string>`${publicSnapshots.slug}`,
  title: sql<string>`${publicSnapshots.title}`,
  archived: publicSnapshots.archived,
  urgency: sql<string>`${publicSnapshots.content} ->> 'urgency'`,
};
export const joinPublishedSnapshot = eq(publicSnapshots.id, cases.publicSnapshotId);

/** Of the given events, those on their case's published timeline (their ref is in the current snapshot). */
export async function publishedEvents(db: Database | Transaction, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .select({ id: timelineEvents.id, refs: sql<string[]>`jsonb_path_query_array(${publicSnapshots.content}, '$.timeline[*].ref')` })
    .from(timelineEvents)
    .innerJoin(cases, eq(cases.id, timelineEvents.caseId))
    .innerJoin(publicSnapshots, joinPublishedSnapshot)
    .where(inArray(timelineEvents.id, eventIds));
  return new Set(rows.filter((row) => row.refs.includes(eventRef(row.id))).map((row) => row.id));
}

export async function eventIsPublished(db: Database | Transaction, eventId: string): Promise<boolean> {
  return (await publishedEvents(db, [eventId])).has(eventId);
}
