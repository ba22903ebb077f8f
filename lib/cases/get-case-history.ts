import 'server-only';
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { recordVersions, timelineEventSources, timelineEvents } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { type RecordKind, selectRecordVersions } from './case-records';
import { internalAccessOf, snapshotRedaction } from './internal-access';
import { caseIdSchema } from './schemas';

export interface RecordVersion {
  entityType: RecordKind;
  entityId: string;
  version: number;
  changeKind: string;
  changedBy: string | null;
  changedAt: string;
  /** The record as saved, without the fields the reader may not see. */
  snapshot: Record<string, unknown>;
  /** The keys left out of `snapshot` because the reader lacks internal access ('*': all of them). */
  withheld: string[];
}

/**
 * Every version of the case, its people, its events, and the sources they cite, newest first, with who
 * made each. Legal names, internal notes and confidential source details are taken out by the database
 * for staff who may not read them, in every version (internal-access.ts).
 */
export const getCaseHistory = defineOperation({
  name: 'cases.readHistory',
  input: caseIdSchema,
  writes: false,
  changesPublicView: false,
  async run({ db, session }, { caseId }): Promise<OperationResult<RecordVersion[]>> {
    const citedSources = db
      .selectDistinct({ id: timelineEventSources.sourceId })
      .from(timelineEventSources)
      .innerJoin(timelineEvents, eq(timelineEvents.id, timelineEventSources.eventId))
      .where(eq(timelineEvents.caseId, caseId));
    const rows = await selectRecordVersions(db, snapshotRedaction(internalAccessOf(session)))
      .where(
        or(
          eq(recordVersions.caseId, caseId),
          and(isNull(recordVersions.caseId), eq(recordVersions.entityType, 'source'), inArray(recordVersions.entityId, citedSources)),
        ),
      )
      .orderBy(desc(recordVersions.changedAt), desc(recordVersions.version));
    return succeeded(
      rows.map((row) => ({
        ...row,
        changedAt: new Date(row.changedAt).toISOString(),
        snapshot: (row.snapshot ?? {}) as Record<string, unknown>,
        withheld: row.withheld ?? [],
      })),
    );
  },
});
