/** The audit chain's hash: SHA-256 over a row's content, in a canonical JSON form, and the previous row's hash. */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

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
