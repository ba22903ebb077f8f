import 'server-only';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { approvePublicationIn } from './publication-gate';
import { revalidatePublicCases } from './public-cache';
import { approvePublicationSchema } from './schemas';

/**
 * A second staff member approves a pending publication: exactly the content they reviewed (its hash comes
 * with the form) goes public, and only if the working copy has not changed since it was asked.
 */
export const approvePublication = defineOperation({
  name: 'cases.approvePublication',
  input: approvePublicationSchema,
  writes: true,
  changesPublicView: true,
  async run({ tx, actor }, { requestId, contentHash }): Promise<OperationResult<{ caseId: string }>> {
    const outcome = await approvePublicationIn(tx, actor, requestId, contentHash);
    if ('refused' in outcome) return fieldError('requestId', outcome.refused);
    return succeeded(outcome);
  },
  afterCommit: revalidatePublicCases,
});
