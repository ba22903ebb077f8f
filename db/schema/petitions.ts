/**
 * Petitions, their signatures and what keeps signing fair under a surge: the sharded confirmed-count,
 * per-address attempt log (addresses only as keyed hashes), blocklists, idempotency keys for partners,
 * and reversible invalidations. Signers' personal data lives only in petition_signatures.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  cidr,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cases, timelineEvents } from './cases';
import { timestamps } from './columns';
import { blocklistKind, petitionStatus, signerDisplay } from './enums';

export const petitions = pgTable(
  'petitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // A petition keeps its signatures: a case with petitions cannot be deleted out from under them.
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Whom the petition addresses, e.g. "President Xi Jinping". */
    target: text('target').notNull(),
    goal: integer('goal').notNull(),
    /** Counts an organizer names and what happens at each (lib/petitions/milestones.ts), in rising order. */
    milestones: jsonb('milestones').$type<{ signatures: number; note: string }[]>().notNull().default([]),
    // Safest by default: nobody can sign until an organizer opens it.
    status: petitionStatus('status').notNull().default('draft'),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    deliveredOn: date('delivered_on'),
    deliveredTo: text('delivered_to'),
    deliveryNote: text('delivery_note'),
    /** The case-timeline event announcing the delivery (lib/petitions/mark-petition-delivered.ts). */
    deliveryEventId: uuid('delivery_event_id').references(() => timelineEvents.id, { onDelete: 'set null' }),
    /** Why the publication gate kept that event for staff only (a PublicationRefusal), or null. */
    deliveryPublicationRefusal: text('delivery_publication_refusal'),
    /** When the signers' personal data was erased (lib/petitions/anonymise-closed-petitions.ts). */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('petitions_slug_unique').on(table.slug),
    index('petitions_case_idx').on(table.caseId, table.status),
    check('petitions_goal_positive', sql`${table.goal} > 0`),
  ],
);

/**
 * One row per person and petition. A signature counts when it is confirmed and not invalidated; a
 * withdrawn signature is deleted. Personal columns are nulled by anonymisation, counts survive.
 */
export const petitionSignatures = pgTable(
  'petition_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id, { onDelete: 'cascade' }),
    /** As typed (trimmed), for mail. */
    email: text('email'),
    /** normaliseEmail (lib/petitions/sign-petition.ts): the key of "one signature per person". */
    emailNormalised: text('email_normalised'),
    emailDomain: text('email_domain'),
    name: text('name'),
    /** ISO 3166-1 alpha-2. Kept after anonymisation for the figures by country. */
    country: text('country').notNull(),
    display: signerDisplay('display').notNull().default('anonymous'),
    wantsUpdates: boolean('wants_updates').notNull().default(false),
    locale: text('locale').notNull().default('en'),
    /** HMAC of the signer's address (hashAddress, lib/petitions/sign-petition.ts); never the address itself. */
    ipHash: text('ip_hash'),
    /** SHA-256 of the confirmation token in the last mail; the token itself is never stored. */
    confirmationTokenHash: text('confirmation_token_hash'),
    confirmationExpiresAt: timestamp('confirmation_expires_at', { withTimezone: true }),
    confirmationSentAt: timestamp('confirmation_sent_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    invalidationId: uuid('invalidation_id').references(() => petitionInvalidations.id, { onDelete: 'set null' }),
    /**
     * Set when the signature came from an address past its ceiling (lib/petitions/address-ceiling.ts):
     * accepted and confirmable like any other, but not counted until an organizer releases it.
     */
    heldAt: timestamp('held_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('petition_signatures_one_per_person').on(table.petitionId, table.emailNormalised),
    index('petition_signatures_held_idx').on(table.petitionId, table.ipHash).where(sql`${table.heldAt} is not null`),
    uniqueIndex('petition_signatures_token_unique').on(table.confirmationTokenHash),
    index('petition_signatures_petition_created_idx').on(table.petitionId, table.createdAt),
    index('petition_signatures_petition_confirmed_idx').on(table.petitionId, table.confirmedAt),
    index('petition_signatures_invalidation_idx').on(table.invalidationId),
  ],
);

/**
 * The confirmed count, spread over a few rows per petition so that concurrent confirmations rarely
 * wait for each other; the count is the sum. lib/petitions/recount-signatures.ts rebuilds it from rows.
 */
export const petitionCountShards = pgTable(
  'petition_count_shards',
  {
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id, { onDelete: 'cascade' }),
    shard: smallint('shard').notNull(),
    confirmed: bigint('confirmed', { mode: 'number' }).notNull().default(0),
    ...timestamps,
  },
  (table) => [primaryKey({ columns: [table.petitionId, table.shard] })],
);

/**
 * The per-address ceilings: one row per petition and address hash, counting its signing attempts in
 * the current window. Signing upserts it in the same statement that records the signatures, once per
 * address and batch (adding the batch's attempts from it); attempts past the ceiling are held.
 */
export const petitionAddressWindows = pgTable(
  'petition_address_windows',
  {
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id, { onDelete: 'cascade' }),
    ipHash: text('ip_hash').notNull(),
    /** When the current window began; a window older than the ceiling's starts again at the next attempt. */
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    /** Signing attempts from the address within the current window. */
    attempts: integer('attempts').notNull().default(0),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.petitionId, table.ipHash] }),
    index('petition_address_windows_updated_idx').on(table.updatedAt),
  ],
);

/** Partners' Idempotency-Key headers: a retried request gets the first answer, nothing is signed twice. */
export const petitionIdempotencyKeys = pgTable(
  'petition_idempotency_keys',
  {
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id, { onDelete: 'cascade' }),
    keyHash: text('key_hash').notNull(),
    /** SHA-256 of the request body: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.petitionId, table.keyHash] }),
    index('petition_idempotency_keys_created_idx').on(table.createdAt),
  ],
);

/** Organizer-editable, site-wide: e-mail domains (and their subdomains), address ranges and address hashes refused. */
export const petitionBlocklist = pgTable(
  'petition_blocklist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: blocklistKind('kind').notNull(),
    /** A lower-case domain for email_domain; null for ip_range. */
    domain: text('domain'),
    /** A CIDR range for ip_range; null otherwise. */
    ipRange: cidr('ip_range'),
    /** An address hash (hashAddress, lib/petitions/sign-petition.ts) for ip_hash, as the activity panel shows it; null otherwise. */
    ipHash: text('ip_hash'),
    note: text('note').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('petition_blocklist_domain_unique').on(table.domain),
    uniqueIndex('petition_blocklist_ip_range_unique').on(table.ipRange),
    uniqueIndex('petition_blocklist_ip_hash_unique').on(table.ipHash),
    // Compared as text: a value added to an enum cannot be used in the migration's own transaction.
    check(
      'petition_blocklist_one_value',
      sql`(${table.kind}::text = 'email_domain' and ${table.domain} is not null and ${table.ipRange} is null and ${table.ipHash} is null) or (${table.kind}::text = 'ip_range' and ${table.ipRange} is not null and ${table.domain} is null and ${table.ipHash} is null) or (${table.kind}::text = 'ip_hash' and ${table.ipHash} is not null and ${table.domain} is null and ${table.ipRange} is null)`,
    ),
  ],
);

/**
 * A rally or another gathering where many people sign from one address (lib/petitions/start-petition-event.ts):
 * between its start and end, the petition's per-address ceiling is raised to `address_ceiling`, sized
 * from the expected crowd. At most one event per petition is not ended; ending one early sets `ended_at`.
 */
export const petitionEvents = pgTable(
  'petition_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id, { onDelete: 'cascade' }),
    /** What and where, for organizers, e.g. "Rally outside the Chinese embassy, Seoul". Never public. */
    label: text('label').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    expectedCrowd: integer('expected_crowd').notNull(),
    /** Signatures one address may send in one window while the event runs. */
    addressCeiling: integer('address_ceiling').notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    endedByUserId: uuid('ended_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [
    // One event at a time per petition; also the signing statement's lookup.
    uniqueIndex('petition_events_one_current').on(table.petitionId).where(sql`${table.endedAt} is null`),
    index('petition_events_petition_idx').on(table.petitionId, table.startsAt),
    check('petition_events_window', sql`${table.endsAt} > ${table.startsAt}`),
    check('petition_events_crowd_positive', sql`${table.expectedCrowd} > 0 and ${table.addressCeiling} > 0`),
  ],
);

/** A batch of signatures set aside by an organizer, with the filter and reason; reversible. */
export const petitionInvalidations = pgTable(
  'petition_invalidations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    filter: jsonb('filter').notNull(),
    signatureCount: integer('signature_count').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    revertedAt: timestamp('reverted_at', { withTimezone: true }),
    revertedByUserId: uuid('reverted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [index('petition_invalidations_petition_idx').on(table.petitionId, table.createdAt)],
);

/** Site-wide petition switches: a single row (id 1). */
export const petitionSettings = pgTable(
  'petition_settings',
  {
    id: smallint('id').primaryKey().default(1),
    /** Pauses signing on every petition at once (e.g. during an attack). */
    signingPaused: boolean('signing_paused').notNull().default(false),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [check('petition_settings_single_row', sql`${table.id} = 1`)],
);
