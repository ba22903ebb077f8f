/**
 * The public face of a case: the only shapes that pages, feeds and JSON may carry to the public.
 * Each is built by naming the fields that may be public. A new column stays private until it is
 * added here on purpose.
 */
import type {
  CustodyStatus,
  DatePrecision,
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
}

export interface PublicSource {
  kind: SourceKind;
  attribution: string;
  /** Only for sources that agreed to be named. */
  name: string | null;
  url: string | null;
}

export interface PublicTimelineEvent {
  occurred: PartialDate;
  endedOn: string | null;
  type: TimelineEventType;
  title: string;
  description: string;
  place: string | null;
  verification: VerificationGrade;
  people: string[];
  sources: PublicSource[];
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

export interface PublicCase extends PublicCaseSummary {
  timeline: PublicTimelineEvent[];
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
): PublicTimelineEvent {
  return {
    occurred: { date: row.occurredOn, precision: row.occurredPrecision },
    endedOn: row.endedOn,
    type: row.eventType,
    title: row.title,
    description: row.description,
    place: row.place,
    verification: row.verificationGrade,
    people,
    sources,
  };
}
