/** Walks the audit chain from its first row and reports the first row whose content or link does not match. */
import 'server-only';
import { asc, gt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog } from '@/db/schema';
import { auditRowHash, GENESIS_HASH } from './record-audit';

export type AuditChainReport =
  | { ok: true; checkedRows: number }
  | { ok: false; checkedRows: number; brokenRowId: number; problem: 'content_altered' | 'link_broken' };

const BATCH = 1000;

export async function verifyAuditChain(db: Database): Promise<AuditChainReport> {
  let expectedPrevious = GENESIS_HASH;
  let afterId = 0;
  let checkedRows = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(BATCH);
    for (const row of rows) {
      checkedRows++;
      if (row.previousHash !== expectedPrevious) {
        return { ok: false, checkedRows, brokenRowId: row.id, problem: 'link_broken' };
      }
      const recomputed = auditRowHash(row);
      if (recomputed !== row.hash) return { ok: false, checkedRows, brokenRowId: row.id, problem: 'content_altered' };
      expectedPrevious = row.hash;
      afterId = row.id;
    }
    if (rows.length < BATCH) return { ok: true, checkedRows };
  }
}
