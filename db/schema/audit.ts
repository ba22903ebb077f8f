/**
 * The audit trail: append-only, one row per staff change, written in the change's own transaction.
 * Each row's hash covers its content and the previous row's hash (lib/audit/record-audit.ts), so an
 * edited or deleted row breaks the chain from that point on.
 */
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { timestamps } from './columns';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // Accounts are disabled, never deleted, so an audit row never loses its author.
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'restrict' }),
    /** The actor's e-mail at the time, kept even if the account's address changes later. */
    actorEmail: text('actor_email').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip').notNull().default(''),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('audit_log_hash_unique').on(table.hash),
    // Only one row may follow a given row: a forked chain cannot be stored.
    uniqueIndex('audit_log_previous_hash_unique').on(table.previousHash),
    index('audit_log_actor_idx').on(table.actorUserId, table.occurredAt),
    index('audit_log_entity_idx').on(table.entityType, table.entityId),
    index('audit_log_action_idx').on(table.action, table.occurredAt),
    index('audit_log_occurred_idx').on(table.occurredAt),
  ],
);
