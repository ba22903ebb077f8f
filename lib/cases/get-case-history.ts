import 'server-only';
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { recordVersions, timelineEventSources, timelineEvents } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { defineOperation } from '@/lib/operations/define-operation';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { type RecordKind, selectRecordVersions } from './case-records';
import { caseIdSchema } from './schemas';

export interface RecordVersion {
  entityType: RecordKind;
  entityId: string;
  version: number;
  changeKind: string;
  changedBy: string | null;
  changedAt: string;
  snapshot: Record<string, unknown>;
}

/** Fields of a source snapshot that only staff who may read confidential sources see. */
const CONFIDENTIAL_SOURCE_FIELDS = ['name', 'url', 'internalNotes', 'origin'];

/**
 * Every version of the case, its people, its events, and the sources they cite, newest first, with who
 * made each. Confidential source details are left out for staff who may not read them.
 */
export const getCaseHistory = defineOperation({
  name: 'cases.readHistory',
  input: caseIdSchema,
  writes: false,
  changesPublicView: false,
  async run({ db, session }, { caseId }): Promise<OperationResult<RecordVersion[]>> {
    const confidential = can(session, 'sources.readConfidential');
    const citedSources = db
      .selectDistinct({ id: timelineEventSources.sourceId })
      .from(timelineEventSources)
      .innerJoin(timelineEvents, eq(timelineEvents.id, timelineEventSources.eventId))
      .where(eq(timelineEvents.caseId, caseId));
    const rows = await selectRecordVersions(db)
      .where(
        or(
          eq(recordVersions.caseId, caseId),
          and(isNull(recordVersions.caseId), eq(recordVersions.entityType, 'source'), inArray(recordVersions.entityId, citedSources)),
        ),
      )
      .orderBy(desc(recordVersions.changedAt), desc(recordVersions.version));
    return succeeded(rows.map((row) => {
      const snapshot = { ...(row.snapshot as Record<string, unknown>) };
      if (row.entityType === 'source' && !confidential && snapshot.mayBeNamed !== true) {
        for (const field of CONFIDENTIAL_SOURCE_FIELDS) delete snapshot[field];
      }
      if (row.entityType === 'source' && !confidential) {
        delete snapshot.internalNotes;
        delete snapshot.origin;
      }
      return { ...row, changedAt: new Date(row.changedAt).toISOString(), snapshot };
    }));
  },
});
