import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { caseRules } from '@/db/schema';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { type CaseRules, readCaseRules } from './case-rules';
import { type CaseRulesInput, caseRulesSchema } from './schemas';

/** Admins set whether publication needs a second approval, and after how many quiet days a case is flagged. */
export async function updateCaseRules(session: StaffSession | null, input: CaseRulesInput): Promise<OperationResult<CaseRules>> {
  const actor = await authorize(session, 'settings.updateCaseRules');
  const rules = caseRulesSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await readCaseRules(tx);
    await tx
      .insert(caseRules)
      .values({ id: 1, ...rules, updatedByUserId: actor.userId })
      .onConflictDoUpdate({ target: caseRules.id, set: { ...rules, updatedByUserId: actor.userId, updatedAt: sql`now()` } });
    await recordAudit(tx, actorOf(actor), { action: 'settings.updateCaseRules', entityType: 'case_rules', entityId: '1', before, after: rules });
    return succeeded(rules);
  });
}
