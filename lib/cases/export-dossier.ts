import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  casePeople,
  cases,
  eventCorrections,
  recordVersions,
  sources,
  timelineEventPeople,
  timelineEventSources,
  timelineEvents,
} from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { missingRecord, type OperationResult, succeeded } from '@/lib/operations/result';
import { selectRecordVersions } from './case-records';
import { type Dossier, hashed, recordHash } from './dossier';
import { idSchema } from './schemas';

const DOSSIER_FORMATS = ['json', 'pdf'] as const;

/** The dossier, and the file it was asked for as (the route renders the PDF after the transaction). */
export interface DossierExport {
  dossier: Dossier;
  format: (typeof DOSSIER_FORMATS)[number];
}

/**
 * Everything about one case (internal fields and confidential sources included) for staff with
 * internal access; the export itself is recorded in the audit log, with the dossier's hash.
 */
export const exportDossier = defineOperation({
  name: 'cases.exportDossier',
  input: z.object({ caseId: idSchema, format: z.enum(DOSSIER_FORMATS, { error: 'choose' }) }),
  // The export itself is written to the audit log.
  writes: true,
  changesPublicView: false,
  async run({ tx, session, audit }, { caseId, format }): Promise<OperationResult<DossierExport>> {
    const [record] = await tx.select().from(cases).where(eq(cases.id, caseId));
    if (!record) return missingRecord('caseId');
    // One transaction is one connection: its queries go one after the other (pg refuses overlapping ones).
    const people = await tx.select().from(casePeople).where(eq(casePeople.caseId, caseId)).orderBy(asc(casePeople.displayOrder), asc(casePeople.createdAt));
    const events = await tx.select().from(timelineEvents).where(eq(timelineEvents.caseId, caseId)).orderBy(asc(timelineEvents.occurredOn), asc(timelineEvents.createdAt));
    const eventIds = events.map((event) => event.id);
    const links = eventIds.length ? await tx.select().from(timelineEventPeople).where(inArray(timelineEventPeople.eventId, eventIds)) : [];
    const cited = eventIds.length ? await tx.select().from(timelineEventSources).where(inArray(timelineEventSources.eventId, eventIds)) : [];
    const corrections = eventIds.length
      ? await tx.select().from(eventCorrections).where(inArray(eventCorrections.eventId, eventIds)).orderBy(asc(eventCorrections.createdAt))
      : [];
    const sourceIds = [...new Set(cited.map((link) => link.sourceId))];
    const sourceRows = sourceIds.length ? await tx.select().from(sources).where(inArray(sources.id, sourceIds)).orderBy(asc(sources.createdAt)) : [];
    const entityIds = [caseId, ...people.map((person) => person.id), ...eventIds, ...sourceIds];
    const history = await selectRecordVersions(tx)
      .where(inArray(recordVersions.entityId, entityIds))
      .orderBy(asc(recordVersions.changedAt), asc(recordVersions.version));
    const dossier: Dossier = {
      format: 'vigil-dossier/1',
      exportedAt: new Date().toISOString(),
      exportedBy: session.email,
      case: hashed(record),
      people: people.map((person) => hashed(person)),
      events: events.map((event) =>
        hashed({
          ...event,
          personIds: links.filter((link) => link.eventId === event.id).map((link) => link.personId),
          sourceIds: cited.filter((link) => link.eventId === event.id).map((link) => link.sourceId),
          corrections: corrections.filter((correction) => correction.eventId === event.id),
        }),
      ),
      sources: sourceRows.map((source) => hashed(source)),
      history: history.map((version) => hashed(version)),
    };
    await audit({
      entityType: 'case',
      entityId: caseId,
      after: { format, records: 1 + people.length + events.length + sourceRows.length + history.length, sha256: recordHash(dossier) },
    });
    return succeeded({ dossier, format });
  },
});
