import 'server-only';
import { getDb } from '@/db/client';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { requestPublicationIn } from './publication-gate';
import { revalidatePublicCases } from './public-cache';
import { type RequestPublicationInput, requestPublicationSchema } from './schemas';

/** Asks to publish a case (or make one of its events public): at once, or after a second staff member's approval. */
export async function requestPublication(
  session: StaffSession | null,
  input: RequestPublicationInput,
): Promise<OperationResult<{ outcome: 'published' | 'pending' }>> {
  const actor = await authorize(session, 'cases.requestPublication');
  const { caseId, eventId, note } = requestPublicationSchema.parse(input);
  const db = await getDb();
  const gate = await db.transaction((tx) => requestPublicationIn(tx, actorOf(actor), { caseId, eventId, note }));
  if ('refused' in gate) return fieldError(gate.refused === 'recordInvalid' ? 'caseId' : 'note', gate.refused);
  if (gate.outcome === 'published') revalidatePublicCases();
  return succeeded({ outcome: gate.outcome });
}
