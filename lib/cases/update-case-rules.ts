import 'server-only';
import { sql } from 'drizzle-orm';
import { caseRules } from '@/db/schema';
import { canonicalJson } from '@/lib/audit/record-audit';
import { defineOperation } from '@/lib/operations/define-operation';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { type CaseRules, readCaseRulesWithProposal, weakensPublication } from './case-rules';
import { caseRulesSchema } from './schemas';

/**
 * Admins set whether publication needs a second approval, whether urgent corrections may go out at once,
 * and after how many quiet days a case is flagged. A change that lets fewer people publish (second approval
 * off, urgent corrections on) is only proposed: it applies when a second admin saves the same rules.
 */
export const updateCaseRules = defineOperation({
  name: 'settings.updateCaseRules',
  input: caseRulesSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, actor, audit }, rules): Promise<OperationResult<{ rules: CaseRules; outcome: 'applied' | 'proposed' }>> {
    const { rules: before, proposal } = await readCaseRulesWithProposal(tx);
    const confirmsProposal =
      proposal !== null && proposal.proposedByUserId !== actor.userId && canonicalJson(proposal.rules) === canonicalJson(rules);
    if (weakensPublication(before, rules) && !confirmsProposal) {
      await tx
        .insert(caseRules)
        .values({ id: 1, ...before, proposedRules: rules, proposedByUserId: actor.userId, updatedByUserId: actor.userId })
        .onConflictDoUpdate({ target: caseRules.id, set: { proposedRules: rules, proposedByUserId: actor.userId, updatedAt: sql`now()` } });
      await audit({ entityType: 'case_rules', entityId: '1', before, after: { proposed: rules } });
      return succeeded({ rules: before, outcome: 'proposed' });
    }
    await tx
      .insert(caseRules)
      .values({ id: 1, ...rules, proposedRules: null, proposedByUserId: null, updatedByUserId: actor.userId })
      .onConflictDoUpdate({ target: caseRules.id, set: { ...rules, proposedRules: null, proposedByUserId: null, updatedByUserId: actor.userId, updatedAt: sql`now()` } });
    await audit({ entityType: 'case_rules', entityId: '1', before, after: rules });
    return succeeded({ rules, outcome: 'applied' });
  },
});
