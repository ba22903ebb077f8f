import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import { type CaseRules, readCaseRulesWithProposal } from './case-rules';

export interface CaseRulesView {
  rules: CaseRules;
  /** Weaker rules one admin proposed, waiting for another admin to save the same. */
  proposal: { rules: CaseRules; proposedBy: string | null; proposedByMe: boolean } | null;
}

export const getCaseRules = defineOperation({
  name: 'settings.readCaseRules',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db, session }) {
    const { rules, proposal } = await readCaseRulesWithProposal(db);
    if (!proposal) return succeeded<CaseRulesView>({ rules, proposal: null });
    const [proposer] = proposal.proposedByUserId
      ? await db.select({ email: users.email }).from(users).where(eq(users.id, proposal.proposedByUserId))
      : [];
    return succeeded<CaseRulesView>({
      rules,
      proposal: { rules: proposal.rules, proposedBy: proposer?.email ?? null, proposedByMe: proposal.proposedByUserId === session.userId },
    });
  },
});
