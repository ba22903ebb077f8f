/**
 * The public face of a case: the only shapes that pages, feeds and JSON may carry to the public.
 * Each is built by naming the fields that may be public. A new column stays private until it is
 * added here on purpose.
 */
import { createHash } from 'node:crypto';
import type {
  CustodyStatus,
  DatePrecision,
  EventCorrectionKind,
  PersonRelation,
  SourceKind,
  TimelineEventType,
  UrgencyLevel,
  VerificationGrade,
} from './vocabulary';

/** A date known to a given precision: "2017-11-01" with "month" means November 2017. */
export interface PartialDate {
  date: string;
  precision: DatePrecision;
}

export interface PublicPerson {
  alias: string;
  relation: PersonRelation;
  birthYear: number | null;
  birthYearApproximate: boolean;
  isMinor: boolean;
  custodyStatus: CustodyStatus;
  custodyPlace: string | null;
  custodyAsOf: PartialDate | null;
  /** The date of the latest public, unretracted event that concerns the person. */
  lastConfirmed: PartialDate | null;
}

/** "Corrected on <date>" or "retracted on <date>", with the short reason the public may read. */
export interface PublicCorrectionNotice {
  kind: EventCorrectionKind;
  /** The day it was made, YYYY-MM-DD (UTC). */
  on: string;
  reason: string;
}

export interface PublicCorrection extends PublicCorrectionNotice {
  eventTitle: string;
}

export interface PublicSource {
  kind: SourceKind;
  attribution: string;
  /** Only for sources that agreed to be named. */
  name: string | null;
  url: string | null;
}

export interface PublicTimelineEvent {
  /** A stable, opaque reference (feeds use it as the entry id). */
  ref: string;
  updatedAt: string;
  occurred: PartialDate;
  endedOn: string | null;
  type: TimelineEventType;
  title: string;
  description: string;
  place: string | null;
  verification: VerificationGrade;
  people: string[];
  sources: PublicSource[];
  /** The latest correction or retraction, if any. */
  notice: PublicCorrectionNotice | null;
}

/** The opaque public reference of an event: stable, and the record's id never leaves the database. */
export function eventRef(eventId: string): string {
  return createHash('md5').update(`vigil-event:${eventId}`).digest('hex');
}

export interface PublicCaseSummary {
  slug: string;
  title: string;
  summary: string;
  urgency: UrgencyLevel;
  archived: boolean;
  lastUpdatedAt: string;
  people: PublicPerson[];
}

/** A petition's text as the public reads it: reviewed and published with its case, like the case's own text. */
export interface PublicPetitionText {
  slug: string;
  title: string;
  body: string;
  /** Whom the petition addresses. */
  target: string;
}

export interface PublicCase extends PublicCaseSummary {
  timeline: PublicTimelineEvent[];
  /** Every correction and retraction of a public event, newest first. */
  corrections: PublicCorrection[];
  /** The text of the case's petitions that have been opened (status and counts are live, on the petition's page). */
  petitions: PublicPetitionText[];
}

export interface PersonRow {
  publicAlias: string;
  relation: PersonRelation;
  birthYear: number | null;
  birthYearApproximate: boolean;
  isMinor: boolean;
  custodyStatus: CustodyStatus;
  custodyPlace: string | null;
  custodyAsOf: string | null;
  custodyAsOfPrecision: DatePrecision;
  lastConfirmedOn: string | null;
  lastConfirmedPrecision: DatePrecision | null;
}

export function toPublicPerson(row: PersonRow): PublicPerson {
  return {
    alias: row.publicAlias,
    relation: row.relation,
    birthYear: row.birthYear,
    birthYearApproximate: row.birthYearApproximate,
    isMinor: row.isMinor,
    custodyStatus: row.custodyStatus,
    custodyPlace: row.custodyPlace,
    custodyAsOf: row.custodyAsOf ? { date: row.custodyAsOf, precision: row.custodyAsOfPrecision } : null,
    lastConfirmed:
      row.lastConfirmedOn && row.lastConfirmedPrecision ? { date: row.lastConfirmedOn, precision: row.lastConfirmedPrecision } : null,
  };
}

export interface SourceRow {
  kind: SourceKind;
  publicAttribution: string;
  mayBeNamed: boolean;
  name: string | null;
  url: string | null;
}

export function toPublicSource(row: SourceRow): PublicSource {
  return {
    kind: row.kind,
    attribution: row.publicAttribution,
    name: row.mayBeNamed ? row.name : null,
    url: row.mayBeNamed ? row.url : null,
  };
}

export interface EventRow {
  ref: string;
  updatedAt: string;
  occurredOn: string;
  occurredPrecision: DatePrecision;
  endedOn: string | null;
  eventType: TimelineEventType;
  title: string;
  description: string;
  place: string | null;
  verificationGrade: VerificationGrade;
}

export function toPublicTimelineEvent(
  row: EventRow,
  people: string[],
  sources: PublicSource[],
  notice: PublicCorrectionNotice | null,
): PublicTimelineEvent {
  return {
    ref: row.ref,
    updatedAt: row.updatedAt,
    occurred: { date: row.occurredOn, precision: row.occurredPrecision },
    endedOn: row.endedOn,
    type: row.eventType,
    title: row.title,
    description: row.description,
    place: row.place,
    verification: row.verificationGrade,
    people,
    sources,
    notice,
  };
}

export interface CorrectionRow {
  kind: EventCorrectionKind;
  createdAt: string;
  publicReason: string;
}

export function toPublicCorrectionNotice(row: CorrectionRow): PublicCorrectionNotice {
  return { kind: row.kind, on: row.createdAt.slice(0, 10), reason: row.publicReason };
}

/** A published snapshot's stored JSON, as the public reads it: rebuilt field by field, dates stamped at publication. */
export function fromSnapshot(content: unknown, stamps: unknown): PublicCase {
  const view = content as Omit<PublicCase, 'lastUpdatedAt' | 'timeline'> & { timeline: Omit<PublicTimelineEvent, 'updatedAt'>[] };
  const dates = stamps as { lastUpdatedAt: string; events: Record<string, string> };
  const source = (item: PublicSource): PublicSource => ({ kind: item.kind, attribution: item.attribution, name: item.name, url: item.url });
  const notice = (item: PublicCorrectionNotice | null): PublicCorrectionNotice | null => (item ? { kind: item.kind, on: item.on, reason: item.reason } : null);
  const partial = (item: PartialDate | null): PartialDate | null => (item ? { date: item.date, precision: item.precision } : null);
  return {
    slug: view.slug,
    title: view.title,
    summary: view.summary,
    urgency: view.urgency,
    archived: view.archived,
    lastUpdatedAt: dates.lastUpdatedAt,
    people: view.people.map((person) => ({
      alias: person.alias,
      relation: person.relation,
      birthYear: person.birthYear,
      birthYearApproximate: person.birthYearApproximate,
      isMinor: person.isMinor,
      custodyStatus: person.custodyStatus,
      custodyPlace: person.custodyPlace,
      custodyAsOf: partial(person.custodyAsOf),
      lastConfirmed: partial(person.lastConfirmed),
    })),
    timeline: view.timeline.map((event) => ({
      ref: event.ref,
      updatedAt: dates.events[event.ref] ?? dates.lastUpdatedAt,
      occurred: partial(event.occurred)!,
      endedOn: event.endedOn,
      type: event.type,
      title: event.title,
      description: event.description,
      place: event.place,
      verification: event.verification,
      people: [...event.people],
      sources: event.sources.map(source),
      notice: notice(event.notice),
    })),
    corrections: view.corrections.map((item) => ({ eventTitle: item.eventTitle, ...notice(item)! })),
    // Snapshots written before petition text was reviewed hold none.
    petitions: (view.petitions ?? []).map((petition) => ({ slug: petition.slug, title: petition.title, body: petition.body, target: petition.target })),
  };
}
