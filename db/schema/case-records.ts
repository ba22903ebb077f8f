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
    /**
     * The public view the requester asked to publish, exactly as reviewed (lib/cases/public-snapshot.ts):
     * null means "take the case down". Approval publishes it only while the working copy still gives the
     * same content (same hash); otherwise it must be asked and reviewed again.
     */
    content: jsonb('content'),
    contentHash: text('content_hash'),
    /** The snapshot that was public when it was asked (null: nothing was): the "before" of the diff. */
    baseSnapshotId: uuid('base_snapshot_id'),
    /** Why the reviewer refused it; shown to the requester. */
    rejectionReason: text('rejection_reason').notNull().default(''),
    /** A correction published at once under the urgent-corrections rule: why, and who reviewed it after. */
    urgentReason: text('urgent_reason').notNull().default(''),
    reviewedAfterByUserId: uuid('reviewed_after_by_user_id').references(() => users.id, { onDelete: 'restrict' }),
    reviewedAfterAt: timestamp('reviewed_after_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index('publication_requests_case_idx').on(table.caseId, table.status),
    index('publication_requests_status_idx').on(table.status, table.createdAt),
    // Only one pending request per case and per event.
    uniqueIndex('publication_requests_one_pending_case')
      .on(table.caseId)
      .where(sql`${table.eventId} is null and ${table.status} = 'pending'`),
    uniqueIndex('publication_requests_one_pending_event')
      .on(table.eventId)
      .where(sql`${table.eventId} is not null and ${table.status} = 'pending'`),
  ],
);

/**
 * What the public sees of a case: immutable records (UPDATE refused by a trigger), one per approved
 * publication. `content` is the reviewed public view (null: the case was taken down) and `contentHash`
 * its SHA-256; `stamps` holds the dates the public reads (last update, each event's). cases.public_snapshot_id
 * points at the current one. Public pages, feeds, JSON and signer mails read nothing else of a case.
 */
export const publicSnapshots = pgTable(
  'public_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content'),
    contentHash: text('content_hash'),
    stamps: jsonb('stamps').notNull(),
    /** Copied from the content for lookups: the public address and title. */
    slug: text('slug'),
    title: text('title'),
    archived: boolean('archived').notNull().default(false),
    requestId: uuid('request_id').references(() => publicationRequests.id, { onDelete: 'restrict' }),
    /** Who approved it (null for the first snapshots made from cases already public on upgrade). */
    approvedByUserId: uuid('approved_by_user_id').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('public_snapshots_case_version_unique').on(table.caseId, table.version),
    index('public_snapshots_slug_idx').on(table.slug),
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
    /** A correction or retraction may go public at once, with a recorded reason, and is reviewed after. */
    allowUrgentCorrections: boolean('allow_urgent_corrections').notNull().default(false),
    /**
     * A weaker rule one admin asked for (second approval off, urgent corrections on): it applies only
     * when another admin saves the same. { requireSecondApproval, reviewAfterDays, allowUrgentCorrections }.
     */
    proposedRules: jsonb('proposed_rules'),
    proposedByUserId: uuid('proposed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [
    check('case_rules_single_row', sql`${table.id} = 1`),
    check('case_rules_review_days_positive', sql`${table.reviewAfterDays} > 0`),
  ],
);
