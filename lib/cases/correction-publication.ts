/**
 * After a correction or retraction of an event meant to be public: it goes to the public through the
 * gate like any change (a request, or at once without a second approval), or, with a reason and where the
 * case rules allow urgent corrections, at once on its own, reviewed after.
 */
import 'server-only';
import type { Transaction } from '@/db/client';
import type { AuditActor } from '@/lib/audit/record-audit';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { publishUrgentCorrection, requestPublicationIn } from './publication-gate';

export async function publishCorrection(
  tx: Transaction,
  actor: AuditActor,
  subject: { caseId: string; eventId: string; titles: string[]; urgentReason: string; note: string },
): Promise<OperationResult<{ publication: 'published' | 'pending' | null }>> {
  if (subject.urgentReason) {
    const urgent = await publishUrgentCorrection(tx, actor, subject);
    if ('refused' in urgent) return fieldError('urgentReason', urgent.refused);
    return succeeded({ publication: urgent.published ? 'published' : null });
  }
  const gate = await requestPublicationIn(tx, actor, { caseId: subject.caseId, note: subject.note, notTakingDown: true });
  return succeeded({ publication: 'refused' in gate ? null : gate.outcome });
}
