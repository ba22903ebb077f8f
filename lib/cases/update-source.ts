import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { sources, timelineEventSources } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordChange, refreshVerificationGrades } from './case-records';
import { updateSourceSchema } from './schemas';

/**
 * Edits a source. Its confidential details (name, link, notes, origin) may be changed only by someone
 * who may read them; the grades of the events citing it follow its kind and origin.
 */
export const updateSource = defineOperation({
  name: 'sources.update',
  input: updateSourceSchema,
  writes: true,
  // The working copy only: the public sees it once a publication carrying it is approved.
  changesPublicView: false,
  async run({ tx, actor, session }, { sourceId, ...fields }): Promise<OperationResult<{ sourceId: string }>> {
    const changes = can(session, 'sources.readConfidential') ? fields : { kind: fields.kind, publicAttribution: fields.publicAttribution };
    const [row] = await tx
      .update(sources)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(sources.id, sourceId))
      .returning({ id: sources.id });
    if (!row) return fieldError('sourceId', 'recordInvalid');
    const citing = await tx.select({ eventId: timelineEventSources.eventId }).from(timelineEventSources).where(eq(timelineEventSources.sourceId, sourceId));
    await refreshVerificationGrades(tx, citing.map((item) => item.eventId));
    await recordChange(tx, actor, { kind: 'source', id: sourceId, caseId: null, changeKind: 'updated', action: 'sources.update' });
    return succeeded({ sourceId });
  },
});
