import 'server-only';
import { asc, desc, eq, getTableColumns, inArray } from 'drizzle-orm';
import {
  casePeople,
  cases,
  eventCorrections,
  timelineEventPeople,
  timelineEventSources,
  timelineEvents,
} from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { defineOperation } from '@/lib/operations/define-operation';
import { missingRecord, type OperationResult, succeeded } from '@/lib/operations/result';
import { type CaseRules, readCaseRules } from './case-rules';
import { type InternalAccess, internalAccessOf, unlessWithheld } from './internal-access';
import { eventRef } from './public';
import { currentSnapshot } from './public-snapshot';
import { consentAllowsPublication } from './publication-rules';
import { caseIdSchema } from './schemas';
import type { EventCorrectionKind } from './vocabulary';

type CaseRow = typeof cases.$inferSelect;
type PersonRow = typeof casePeople.$inferSelect;
type EventRow = typeof timelineEvents.$inferSelect;

// A withheld field (see `access`) is null.
export interface CaseFileEvent extends Omit<EventRow, 'createdAt' | 'updatedAt' | 'retractedAt' | 'internalNotes'> {
  internalNotes: string | null;
  retractedAt: string | null;
  updatedAt: string;
  personIds: string[];
  sourceIds: string[];
  corrections: { kind: EventCorrectionKind; publicReason: string; internalNote: string | null; createdAt: string }[];
  /** Meant to be public, but not in the published snapshot yet: it goes out with the next approved publication. */
  notYetPublished: boolean;
}

export interface CaseFile {
  record: Omit<CaseRow, 'createdAt' | 'updatedAt' | 'publishedAt' | 'internalNotes'> & { internalNotes: string | null; updatedAt: string; publishedAt: string | null };
  people: (Omit<PersonRow, 'createdAt' | 'updatedAt' | 'legalName' | 'internalNotes'> & { legalName: string | null; internalNotes: string | null; updatedAt: string })[];
  events: CaseFileEvent[];
  consentAllowsPublication: boolean;
  rules: CaseRules;
  /** Which withheld fields the reader may see; the others are null throughout the file. */
  access: InternalAccess;
  /** What the reader may do here. */
  canEdit: boolean;
  canExport: boolean;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** The row without its bookkeeping times, which the console shows as "last changed" instead. */
function withoutCreatedAt<T extends { createdAt: Date }>(row: T): Omit<T, 'createdAt'> {
  const copy: Partial<T> = { ...row };
  delete copy.createdAt;
  return copy as Omit<T, 'createdAt'>;
}

/**
 * A whole case file as staff see it; an unknown case is a missing record. Legal names and internal
 * notes are not even selected for staff without internal access (internal-access.ts). A publication
 * request's note stays: it is written for whoever approves, and every case writer may approve.
 */
export const getCaseFile = defineOperation({
  name: 'cases.read',
  input: caseIdSchema,
  writes: false,
  changesPublicView: false,
  async run({ db, session: actor }, { caseId }): Promise<OperationResult<CaseFile>> {
    const access = internalAccessOf(actor);
    const [record] = await db
      .select({ ...getTableColumns(cases), internalNotes: unlessWithheld(access.internalNotes, cases.internalNotes) })
      .from(cases)
      .where(eq(cases.id, caseId));
    if (!record) return missingRecord('caseId');
    const [people, events, rules] = await Promise.all([
      db
        .select({
          ...getTableColumns(casePeople),
          legalName: unlessWithheld(access.legalNames, casePeople.legalName),
          internalNotes: unlessWithheld(access.internalNotes, casePeople.internalNotes),
        })
        .from(casePeople)
        .where(eq(casePeople.caseId, caseId))
        .orderBy(asc(casePeople.displayOrder), asc(casePeople.createdAt)),
      db
        .select({ ...getTableColumns(timelineEvents), internalNotes: unlessWithheld(access.internalNotes, timelineEvents.internalNotes) })
        .from(timelineEvents)
        .where(eq(timelineEvents.caseId, caseId))
        .orderBy(asc(timelineEvents.occurredOn), asc(timelineEvents.createdAt)),
      readCaseRules(db),
    ]);
    const eventIds = events.map((event) => event.id);
    const [links, cited, corrections] = eventIds.length
      ? await Promise.all([
          db.select().from(timelineEventPeople).where(inArray(timelineEventPeople.eventId, eventIds)),
          db.select().from(timelineEventSources).where(inArray(timelineEventSources.eventId, eventIds)),
          db
            .select({
              eventId: eventCorrections.eventId,
              kind: eventCorrections.kind,
              publicReason: eventCorrections.publicReason,
              internalNote: unlessWithheld(access.internalNotes, eventCorrections.internalNote),
              createdAt: eventCorrections.createdAt,
            })
            .from(eventCorrections)
            .where(inArray(eventCorrections.eventId, eventIds))
            .orderBy(desc(eventCorrections.createdAt)),
        ])
      : [[], [], []];
    const published = await currentSnapshot(db, caseId);
    const publishedRefs = new Set((published?.content?.timeline ?? []).map((event) => event.ref));
    return succeeded({
      record: { ...withoutCreatedAt(record), updatedAt: iso(record.updatedAt)!, publishedAt: iso(record.publishedAt) },
      people: people.map((person) => ({ ...withoutCreatedAt(person), updatedAt: iso(person.updatedAt)! })),
      events: events.map((event) => ({
        ...withoutCreatedAt(event),
        updatedAt: iso(event.updatedAt)!,
        retractedAt: iso(event.retractedAt),
        personIds: links.filter((link) => link.eventId === event.id).map((link) => link.personId),
        sourceIds: cited.filter((link) => link.eventId === event.id).map((link) => link.sourceId),
        corrections: corrections
          .filter((correction) => correction.eventId === event.id)
          .map((correction) => ({ kind: correction.kind, publicReason: correction.publicReason, internalNote: correction.internalNote, createdAt: iso(correction.createdAt)! })),
        notYetPublished: event.visibility === 'public' && !publishedRefs.has(eventRef(event.id)),
      })),
      consentAllowsPublication: consentAllowsPublication(record.familyConsentStatus, record.consentWaiverReason),
      rules,
      access,
      canEdit: can(actor, 'cases.update'),
      canExport: can(actor, 'cases.exportDossier'),
    });
  },
});
