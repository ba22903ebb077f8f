import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sources, timelineEventSources } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import { can } from '@/lib/auth/permissions';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { recordChange, refreshVerificationGrades } from './case-records';
import { revalidatePublicCases } from './public-cache';
import { type UpdateSourceInput, updateSourceSchema } from './schemas';

/**
 * Edits a source. Its confidential details (name, link, notes, origin) may be changed only by someone
 * who may read them; the grades of the events citing it follow its kind and origin.
 */
export async function updateSource(session: StaffSession | null, input: UpdateSourceInput): Promise<OperationResult<{ sourceId: string }>> {
  const actor = await authorize(session, 'sources.update');
  const { sourceId, ...fields } = updateSourceSchema.parse(input);
  const confidential = can(actor, 'sources.readConfidential');
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const changes = confidential
      ? fields
      : { kind: fields.kind, publicAttribution: fields.publicAttribution };
    const [row] = await tx
      .update(sources)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(sources.id, sourceId))
      .returning({ id: sources.id });
    if (!row) return fieldError('sourceId', 'recordInvalid');
    const citing = await tx.select({ eventId: timelineEventSources.eventId }).from(timelineEventSources).where(eq(timelineEventSources.sourceId, sourceId));
    await refreshVerificationGrades(tx, citing.map((item) => item.eventId));
    await recordChange(tx, actorOf(actor), { kind: 'source', id: sourceId, caseId: null, changeKind: 'updated', action: 'sources.update' });
    return succeeded({ sourceId });
  });
  if (result.ok) revalidatePublicCases();
  return result;
}
