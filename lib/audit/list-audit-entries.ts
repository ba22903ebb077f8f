import 'server-only';
import { and, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import { auditFilterSchema } from './schemas';

const AUDIT_PAGE_SIZE = 50;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The audit log, newest first, filtered; `nextBefore` pages on to older rows. */
export const listAuditEntries = defineOperation({
  name: 'audit.read',
  input: auditFilterSchema,
  writes: false,
  changesPublicView: false,
  async run({ db }, criteria) {
    const conditions: SQL[] = [];
    if (criteria.actor) conditions.push(ilike(auditLog.actorEmail, `%${escapeLike(criteria.actor)}%`));
    if (criteria.action) conditions.push(eq(auditLog.action, criteria.action));
    if (criteria.entityType) conditions.push(eq(auditLog.entityType, criteria.entityType));
    if (criteria.entityId) conditions.push(eq(auditLog.entityId, criteria.entityId));
    if (criteria.from) conditions.push(gte(auditLog.occurredAt, new Date(`${criteria.from}T00:00:00Z`)));
    if (criteria.to) conditions.push(lt(auditLog.occurredAt, new Date(new Date(`${criteria.to}T00:00:00Z`).getTime() + 86_400_000)));
    if (criteria.before) conditions.push(lt(auditLog.id, criteria.before));
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE + 1);
    const page = rows.slice(0, AUDIT_PAGE_SIZE);
    return succeeded({
      entries: page.map((row) => ({
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        actorEmail: row.actorEmail,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
        ip: row.ip,
      })),
      nextBefore: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id : null,
    });
  },
});
