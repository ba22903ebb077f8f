/** The case rules row (second approval, review interval), or the defaults when no admin saved any. No caller check: internal use. */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseRules } from '@/db/schema';
import type { Transaction } from '@/db/client';

export interface CaseRules {
  requireSecondApproval: boolean;
  reviewAfterDays: number;
}

const DEFAULT_CASE_RULES: CaseRules = { requireSecondApproval: true, reviewAfterDays: 30 };

export async function readCaseRules(db: Database | Transaction): Promise<CaseRules> {
  const [row] = await db
    .select({ requireSecondApproval: caseRules.requireSecondApproval, reviewAfterDays: caseRules.reviewAfterDays })
    .from(caseRules)
    .where(eq(caseRules.id, 1));
  return row ?? DEFAULT_CASE_RULES;
}
