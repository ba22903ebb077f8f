import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { caseLifecycle, custodyStatus, datePrecision, eventVisibility, familyConsentStatus, personRelation, publicityMode, sourceKind, timelineEventType, urgencyLevel, verificationGrade } from './enums';

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Non-identifying: never derived from a person's name. */
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    publicSummary: text('public_summary').notNull().default(''),
    internalNotes: text('internal_notes').notNull().default(''),
    urgency: urgencyLevel('urgency').notNull().default('moderate'),
    lifecycle: caseLifecycle('lifecycle').notNull().default('draft'),
    // Safest by default: a new case is visible to staff only until someone decides otherwise.
    publicityMode: publicityMode('publicity_mode').notNull().default('internal_only'),
    familyConsentStatus: familyConsentStatus('family_consent_status').notNull().default('not_asked'),
    familyConsentRecordedOn: date('family_consent_recorded_on'),
    /** Why publication is safe without the family's consent, when an advocate decides so. Never public. */
    consentWaiverReason: text('consent_waiver_reason').notNull().default(''),
    nextReviewOn: date('next_review_on'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /**
     * The published snapshot the public sees (db/schema/case-records.ts `publicSnapshots`), null when the
     * case is not public. Written only by the publication gate (lib/cases/public-snapshot.ts).
     */
    publicSnapshotId: uuid('public_snapshot_id'),
    ...timestamps,
  },
  (table) => [
    index('cases_public_listing_idx').on(table.lifecycle, table.publicityMode),
    index('cases_public_snapshot_idx').on(table.publicSnapshotId),
  ],
);

export const casePeople = pgTable(
  'case_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** A pseudonym by default; the only name that may ever be public. */
    publicAlias: text('public_alias').notNull(),
    legalName: text('legal_name'),
    relation: personRelation('relation').notNull(),
    birthYear: integer('birth_year'),
    birthYearApproximate: boolean('birth_year_approximate').notNull().default(false),
    isMinor: boolean('is_minor').notNull().default(false),
    custodyStatus: custodyStatus('custody_status').notNull().default('unknown'),
    custodyPlace: text('custody_place'),
    custodyAsOf: date('custody_as_of'),
    custodyAsOfPrecision: datePrecision('custody_as_of_precision').notNull().default('day'),
    internalNotes: text('internal_notes').notNull().default(''),
    displayOrder: integer('display_order').notNull().default(0),
    ...timestamps,
  },
  (table) => [index('case_people_case_idx').on(table.caseId, table.displayOrder)],
);

export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    occurredOn: date('occurred_on').notNull(),
    occurredPrecision: datePrecision('occurred_precision').notNull().default('day'),
    endedOn: date('ended_on'),
    eventType: timelineEventType('event_type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    place: text('place'),
    /** Computed from the sources and the flags below on every write (lib/cases/verification.ts), never typed. */
    verificationGrade: verificationGrade('verification_grade').notNull().default('reported'),
    /** Another credible account contradicts this one. */
    disputed: boolean('disputed').notNull().default(false),
    retractedAt: timestamp('retracted_at', { withTimezone: true }),
    /**
     * Internal by default. "public" is the staff's intent: the event enters the public view only with the
     * next approved publication (lib/cases/public-snapshot.ts), never by this column alone.
     */
    visibility: eventVisibility('visibility').notNull().default('internal'),
    /**
     * The custody status the event reports for its people, as of its date (null: it reports none). Staff
     * see it at once; the public only from a published snapshot, and only when the event itself is public.
     */
    custodyStatus: custodyStatus('custody_status'),
    custodyPlace: text('custody_place'),
    internalNotes: text('internal_notes').notNull().default(''),
    ...timestamps,
  },
  (table) => [
    index('timeline_events_case_date_idx').on(table.caseId, table.visibility, table.occurredOn),
  ],
);

export const timelineEventPeople = pgTable(
  'timeline_event_people',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => timelineEvents.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.personId] }),
    index('timeline_event_people_person_idx').on(table.personId),
  ],
);

export const sources = pgTable('sources', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: sourceKind('kind').notNull(),
  /** What the public may read, e.g. "a source inside North Korea". */
  publicAttribution: text('public_attribution').notNull(),
  mayBeNamed: boolean('may_be_named').notNull().default(false),
  /** The source's name: public only when mayBeNamed. */
  name: text('name'),
  /** A link to published material: public only when mayBeNamed. */
  url: text('url'),
  internalNotes: text('internal_notes').notNull().default(''),
  /**
   * Where the information really comes from: sources sharing an origin (two relays of one informant)
   * count as one line of evidence. Empty means the source is its own origin. Never public.
   */
  origin: text('origin').notNull().default(''),
  ...timestamps,
});

export const timelineEventSources = pgTable(
  'timeline_event_sources',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => timelineEvents.id, { onDelete: 'cascade' }),
    // A source cited by an event cannot be deleted out from under it.
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.sourceId] }),
    index('timeline_event_sources_source_idx').on(table.sourceId),
  ],
);
