/** The case rules row (second approval, review interval, urgent corrections), or the defaults when no admin saved any. No caller check: internal use. */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseRules } from '@/db/schema';
import type { Transaction } from '@/db/client';

export interface CaseRules {
  requireSecondApproval: boolean;
  reviewAfterDays: number;
  allowUrgentCorrections: boolean;
}

/** A weaker rule one admin asked for, waiting for a second admin to save the same. */
export interface ProposedCaseRules {
  rules: CaseRules;
  proposedByUserId: string | null;
}

const DEFAULT_CASE_RULES: CaseRules = { requireSecondApproval: true, reviewAfterDays: 30, allowUrgentCorrections: false };

export async function readCaseRules(db: Database | Transaction): Promise<CaseRules> {
  return (await readCaseRulesWithProposal(db)).rules;
}

export async function readCaseRulesWithProposal(db: Database | Transaction): Promise<{ rules: CaseRules; proposal: ProposedCaseRules | null }> {
  const [row] = await db
    .select({
      requireSecondApproval: caseRules.requireSecondApproval,
      reviewAfterDays: caseRules.reviewAfterDays,
      allowUrgentCorrections: caseRules.allowUrgentCorrections,
      proposedRules: caseRules.proposedRules,
      proposedByUserId: caseRules.proposedByUserId,
    })
    .from(caseRules)
    .where(eq(caseRules.id, 1));
  if (!row) return { rules: DEFAULT_CASE_RULES, proposal: null };
  const { proposedRules, proposedByUserId, ...rules } = row;
  return { rules, proposal: proposedRules ? { rules: proposedRules as CaseRules, proposedByUserId } : null };
}

/** Whether `next` lets fewer people decide what goes public than `current` does. */
export function weakensPublication(current: CaseRules, next: CaseRules): boolean {
  return (current.requireSecondApproval && !next.requireSecondApproval) || (!current.allowUrgentCorrections && next.allowUrgentCorrections);
}
