/**
 * What advocates' work leaves behind: every version of every case record, public corrections and
 * retractions of events, requests for a second staff member's approval before anything goes public,
 * and the rules that govern publication and review reminders.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cases, timelineEvents } from './cases';
import { timestamps } from './columns';
import { caseRecordKind, eventCorrectionKind, publicationRequestStatus } from './enums';

/** Each saved state of a case, person, event or source: version 1 is the record as created. */
export const recordVersions = pgTable(
  'record_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: caseRecordKind('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** The case the record belongs to; null for sources, which several cases may cite. */
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** What was changed: created, updated, corrected, retracted, published… */
    changeKind: text('change_kind').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    // Accounts are disabled, never deleted: a version never loses its author.
    changedByUserId: uuid('changed_by_user_id').references(() => users.id, { onDelete: 'restrict' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('record_versions_entity_version_unique').on(table.entityType, table.entityId, table.version),
    index('record_versions_case_idx').on(table.caseId, table.changedAt),
  ],
);

/** A correction or retraction of an event, with the short reason the public may read. */
export const eventCorrections = pgTable(
  'event_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => timelineEvents.id, { onDelete: 'cascade' }),
    kind: eventCorrectionKind('kind').notNull(),
    publicReason: text('public_reason').notNull(),
    internalNote: text('internal_note').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (table) => [index('event_corrections_event_idx').on(table.eventId, table.createdAt)],
);

/**
 * A request to publish a case (eventId null) or to make one of its events public, waiting for a second
 * staff member's approval when the case rules require one.
 */
export const publicationRequests = pgTable(
  'publication_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => timelineEvents.id, { onDelete: 'cascade' }),
    status: publicationRequestStatus('status').notNull().default('pending'),
    requestedByUserId: uuid('requested_by_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** Why it is safe to publish, for the approver. Never public. */
    note: text('note').notNull().default(''),
    /**
     * The custody change the event reports ({ personIds, custodyStatus, custodyPlace, asOf, precision }),
     * applied when the event is approved: a status banner never tells what the event may not yet.
     */
    custodyChange: jsonb('custody_change'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'restrict' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index('publication_requests_case_idx').on(table.caseId, table.status),
    // Only one pending request per case and per event.
    uniqueIndex('publication_requests_one_pending_case')
      .on(table.caseId)
      .where(sql`${table.eventId} is null and ${table.status} = 'pending'`),
    uniqueIndex('publication_requests_one_pending_event')
      .on(table.eventId)
      .where(sql`${table.eventId} is not null and ${table.status} = 'pending'`),
  ],
);

/** The rules for publishing and reviewing cases: a single row (id 1), edited by admins. */
export const caseRules = pgTable(
  'case_rules',
  {
    id: smallint('id').primaryKey().default(1),
    /** A second staff member must approve before a case or an event goes public. */
    requireSecondApproval: boolean('require_second_approval').notNull().default(true),
    /** A case with no change for this many days is flagged for review. */
    reviewAfterDays: integer('review_after_days').notNull().default(30),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [
    check('case_rules_single_row', sql`${table.id} = 1`),
    check('case_rules_review_days_positive', sql`${table.reviewAfterDays} > 0`),
  ],
);
