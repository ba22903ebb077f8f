import 'server-only';
import { auditRowsWritten } from '@/lib/audit/record-audit';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { requestPublicationIn } from './publication-gate';
import { revalidatePublicCases } from './public-cache';
import { requestPublicationSchema } from './schemas';

/** Asks to publish a case (or make one of its events public): at once, or after a second staff member's approval. */
export const requestPublication = defineOperation({
  name: 'cases.requestPublication',
  input: requestPublicationSchema,
  writes: true,
  changesPublicView: true,
  async run({ tx, actor, audit }, { caseId, eventId, note }): Promise<OperationResult<{ outcome: 'published' | 'pending' }>> {
    const gate = await requestPublicationIn(tx, actor, { caseId, eventId, note });
    if ('refused' in gate) return fieldError(gate.refused === 'recordInvalid' ? 'caseId' : 'note', gate.refused);
    // Asked again while a request waits: the gate leaves the first one as it is; the log still says who asked.
    if (auditRowsWritten(tx) === 0) await audit({ entityType: 'case', entityId: caseId, after: { eventId, status: 'pending', repeated: true } });
    return succeeded({ outcome: gate.outcome });
  },
  afterCommit: ({ outcome }) => {
    if (outcome === 'published') revalidatePublicCases();
  },
});
