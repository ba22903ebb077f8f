import 'server-only';
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { recordVersions, timelineEventSources, timelineEvents, users } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import { can } from '@/lib/auth/permissions';
import type { StaffSession } from '@/lib/auth/staff-session';
import type { RecordKind } from './case-records';
import { idSchema } from './schemas';

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
export async function getCaseHistory(session: StaffSession | null, caseId: string): Promise<RecordVersion[]> {
  const actor = await authorize(session, 'cases.readHistory');
  const confidential = can(actor, 'sources.readConfidential');
  if (!idSchema.safeParse(caseId).success) return [];
  const db = await getDb();
  const citedSources = db
    .selectDistinct({ id: timelineEventSources.sourceId })
    .from(timelineEventSources)
    .innerJoin(timelineEvents, eq(timelineEvents.id, timelineEventSources.eventId))
    .where(eq(timelineEvents.caseId, caseId));
  const rows = await db
    .select({
      entityType: recordVersions.entityType,
      entityId: recordVersions.entityId,
      version: recordVersions.version,
      changeKind: recordVersions.changeKind,
      changedBy: users.email,
      changedAt: recordVersions.changedAt,
      snapshot: recordVersions.snapshot,
    })
    .from(recordVersions)
    .leftJoin(users, eq(users.id, recordVersions.changedByUserId))
    .where(
      or(
        eq(recordVersions.caseId, caseId),
        and(isNull(recordVersions.caseId), eq(recordVersions.entityType, 'source'), inArray(recordVersions.entityId, citedSources)),
      ),
    )
    .orderBy(desc(recordVersions.changedAt), desc(recordVersions.version));
  return rows.map((row) => {
    const snapshot = { ...(row.snapshot as Record<string, unknown>) };
    if (row.entityType === 'source' && !confidential && snapshot.mayBeNamed !== true) {
      for (const field of CONFIDENTIAL_SOURCE_FIELDS) delete snapshot[field];
    }
    if (row.entityType === 'source' && !confidential) {
      delete snapshot.internalNotes;
      delete snapshot.origin;
    }
    return { ...row, changedAt: new Date(row.changedAt).toISOString(), snapshot };
  });
}
