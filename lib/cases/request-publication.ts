import 'server-only';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { requestPublicationIn } from './publication-gate';
import { revalidatePublicCases } from './public-cache';
import { requestPublicationSchema } from './schemas';

/**
 * Asks to publish the case's working copy as it stands (the whole first publication, or what changed since
 * the last one, or a takedown): published after a second staff member's approval, or at once when the case
 * rules require none.
 */
export const requestPublication = defineOperation({
  name: 'cases.requestPublication',
  input: requestPublicationSchema,
  writes: true,
  // Only when the case rules (set by two admins) let one person publish.
  changesPublicView: true,
  async run({ tx, actor }, { caseId, note }): Promise<OperationResult<{ outcome: 'published' | 'pending' }>> {
    const gate = await requestPublicationIn(tx, actor, { caseId, note });
    if ('refused' in gate) return fieldError(gate.refused === 'recordInvalid' ? 'caseId' : 'note', gate.refused);
    return succeeded({ outcome: gate.outcome });
  },
  afterCommit: ({ outcome }) => {
    if (outcome === 'published') revalidatePublicCases();
  },
});
