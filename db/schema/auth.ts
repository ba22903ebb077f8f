/** Staff accounts, their sign-in sessions, invitations, second factors and sign-in throttling. */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { mailStatus, staffRole } from './enums';
import { timestamps } from './columns';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed, so the unique index means "one account per address". */
    email: text('email').notNull(),
    displayName: text('display_name').notNull().default(''),
    role: staffRole('role').notNull(),
    /** May read internal case data (names, whereabouts, sources) beyond what the role alone allows. */
    internalAccess: boolean('internal_access').notNull().default(false),
    /** argon2id; null while an invitation has not been accepted. */
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** AES-256-GCM ciphertext of the TOTP secret (lib/security/secret-box.ts); null without 2FA. */
    totpSecretEncrypted: text('totp_secret_encrypted'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last RFC 6238 time step accepted: a code for this step or an earlier one is a replay. */
    totpLastUsedStep: bigint('totp_last_used_step', { mode: 'number' }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [uniqueIndex('users_email_unique').on(table.email)],
);

/**
 * One row per signed-in browser. The JWT cookie only names the row; whether it is still valid (not
 * revoked, not idle, not past its absolute lifetime) is decided here on every staff request, so any
 * app instance sees a revocation at once.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index('staff_sessions_user_idx').on(table.userId, table.revokedAt)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('invitations_token_hash_unique').on(table.tokenHash),
    // Only one open invitation per account: inviting again revokes the previous link.
    uniqueIndex('invitations_one_open_per_user')
      .on(table.userId)
      .where(sql`${table.acceptedAt} is null and ${table.revokedAt} is null`),
  ],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the normalised code. */
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [uniqueIndex('recovery_codes_user_code_unique').on(table.userId, table.codeHash)],
);

/** Every sign-in attempt, for throttling per account and per address across all app instances. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    ...timestamps,
  },
  (table) => [
    index('sign_in_attempts_email_idx').on(table.email, table.createdAt),
    index('sign_in_attempts_ip_idx').on(table.ip, table.createdAt),
  ],
);

/** Site-wide settings: a single row (id 1), so there is only ever one set. */
export const siteSettings = pgTable(
  'site_settings',
  {
    id: smallint('id').primaryKey().default(1),
    /** Two-factor sign-in required for admins and for anyone with internal access. */
    requireTwoFactor: boolean('require_two_factor').notNull().default(true),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [check('site_settings_single_row', sql`${table.id} = 1`)],
);

/**
 * Mail waiting to be sent by lib/mail/deliver-outbox.ts; bodies are blanked once sent. `sending`: claimed
 * by a sender (`claimed_by`) before it went to SMTP; `unknown`: the sender stopped or the connection broke
 * after the message may have reached the SMTP server, so it is not sent again (at most once).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** The one-click unsubscribe URL (RFC 8058) sent as List-Unsubscribe, for mails to signers. */
    listUnsubscribe: text('list_unsubscribe'),
    status: mailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** The Message-ID the SMTP server received, and its answer ("250 2.0.0 queued as …"). */
    smtpMessageId: text('smtp_message_id'),
    smtpResponse: text('smtp_response'),
    ...timestamps,
  },
  (table) => [index('mail_outbox_pending_idx').on(table.status, table.sendAfter)],
);
