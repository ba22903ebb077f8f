import 'server-only';
import { sql } from 'drizzle-orm';
import { caseRules } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { type CaseRules, readCaseRules } from './case-rules';
import { caseRulesSchema } from './schemas';

/** Admins set whether publication needs a second approval, and after how many quiet days a case is flagged. */
export const updateCaseRules = defineOperation({
  name: 'settings.updateCaseRules',
  input: caseRulesSchema,
  writes: true,
  // Without a second approval, a request publishes at once.
  changesPublicView: true,
  async run({ tx, actor, audit }, rules): Promise<OperationResult<CaseRules>> {
    const before = await readCaseRules(tx);
    await tx
      .insert(caseRules)
      .values({ id: 1, ...rules, updatedByUserId: actor.userId })
      .onConflictDoUpdate({ target: caseRules.id, set: { ...rules, updatedByUserId: actor.userId, updatedAt: sql`now()` } });
    await audit({ entityType: 'case_rules', entityId: '1', before, after: rules });
    return succeeded(rules);
  },
});
