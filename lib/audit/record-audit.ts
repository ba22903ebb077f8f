/**
 * Appends one row to the audit chain inside the caller's transaction, so the change and its record
 * commit or roll back together. A transaction-scoped advisory lock serialises writers: each reads the
 * chain's last hash only after the previous writer committed, so the chain never forks. Each row's hash
 * is SHA-256 over its content, in a canonical JSON form, and the previous row's hash (auditRowHash,
 * which verify-audit-chain.ts recomputes).
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { auditLog } from '@/db/schema';

// Any fixed 64-bit number, distinct from the migration lock in db/client.ts.
const AUDIT_CHAIN_LOCK_KEY = 7_211_843_002;
/** The previous hash of the chain's first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Who made a change: a signed-in staff member, or a named operator at a terminal (user:create). */
export interface AuditActor {
  userId: string | null;
  email: string;
  ip: string;
}

/** The one spelling of a signed-in staff member (a StaffSession) as the author of a change. */
export function actorOf({ userId, email, ip }: AuditActor): AuditActor {
  return { userId, email, ip };
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Plain JSON as jsonb will return it: dates become ISO strings, undefined fields disappear. */
function asStoredJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

// How many audit rows each open transaction has written: defineOperation refuses a write without one.
const rowsByTransaction = new WeakMap<Transaction, number>();

export function auditRowsWritten(tx: Transaction): number {
  return rowsByTransaction.get(tx) ?? 0;
}

export async function recordAudit(tx: Transaction, actor: AuditActor, entry: AuditEntry): Promise<number> {
  rowsByTransaction.set(tx, auditRowsWritten(tx) + 1);
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const content = {
    previousHash: last?.hash ?? GENESIS_HASH,
    actorUserId: actor.userId,
    actorEmail: actor.email,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: asStoredJson(entry.before),
    after: asStoredJson(entry.after),
    ip: actor.ip,
    // Milliseconds only, so the value read back from timestamptz is exactly the one hashed.
    occurredAt: new Date(Date.now()),
  };
  const [row] = await tx
    .insert(auditLog)
    .values({ ...content, hash: auditRowHash(content) })
    .returning({ id: auditLog.id });
  return row!.id;
}

export interface AuditContent {
  previousHash: string;
  actorUserId: string | null;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string;
  occurredAt: Date;
}

/** JSON with object keys sorted at every level, so the same value always gives the same text (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export function auditRowHash(content: AuditContent): string {
  // Named field by field: a row read back from the database carries more columns than are hashed.
  const text = canonicalJson({
    previousHash: content.previousHash,
    actorUserId: content.actorUserId,
    actorEmail: content.actorEmail,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    before: content.before,
    after: content.after,
    ip: content.ip,
    occurredAt: content.occurredAt.toISOString(),
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
