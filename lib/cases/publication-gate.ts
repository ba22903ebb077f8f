/**
 * The gate between a case file and the public: a case is published, or an event made public, only when
 * the family's consent is recorded (or why publishing is safe without it) and, when the case rules
 * require it, after a second staff member approved. Internal helpers run inside the caller's transaction.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { casePeople, cases, publicationRequests, timelineEvents } from '@/db/schema';
import type { Transaction } from '@/db/client';
import { type AuditActor, recordAudit } from '@/lib/audit/record-audit';
import { recordChange } from './case-records';
import { readCaseRules } from './case-rules';
import { consentAllowsPublication } from './publication-rules';
import { recordCaseNews } from './case-news';

export type PublicationRefusal = 'consentRequired' | 'notPublicCampaign' | 'recordInvalid';
export type PublicationOutcome = { outcome: 'published' | 'pending' } | { refused: PublicationRefusal };

export interface PublicationSubject {
  caseId: string;
  /** null: the case itself. */
  eventId: string | null;
}

/** A custody change an event reports, held back with the event until it may be public. */
export interface CustodyChange {
  personIds: string[];
  custodyStatus: (typeof casePeople.$inferSelect)['custodyStatus'];
  custodyPlace: string | null;
  asOf: string;
  precision: (typeof casePeople.$inferSelect)['custodyAsOfPrecision'];
}

/** Moves the people to the status an event reports, as of its date, each change kept in their history. */
export async function applyCustodyChange(tx: Transaction, actor: AuditActor, caseId: string, change: CustodyChange): Promise<void> {
  for (const personId of change.personIds) {
    const [row] = await tx
      .update(casePeople)
      .set({
        custodyStatus: change.custodyStatus,
        custodyPlace: change.custodyPlace,
        custodyAsOf: change.asOf,
        custodyAsOfPrecision: change.precision,
        updatedAt: sql`now()`,
      })
      .where(and(eq(casePeople.id, personId), eq(casePeople.caseId, caseId)))
      .returning({ id: casePeople.id });
    if (row) await recordChange(tx, actor, { kind: 'person', id: personId, caseId, changeKind: 'custodyFromEvent', action: 'people.update' });
  }
}

/** Why the subject may not be published now, or null when it may. */
export async function publicationRefusal(tx: Transaction, subject: PublicationSubject): Promise<PublicationRefusal | null> {
  const [owner] = await tx
    .select({ consent: cases.familyConsentStatus, waiver: cases.consentWaiverReason, mode: cases.publicityMode })
    .from(cases)
    .where(eq(cases.id, subject.caseId));
  if (!owner) return 'recordInvalid';
  if (subject.eventId) {
    const [event] = await tx
      .select({ id: timelineEvents.id })
      .from(timelineEvents)
      .where(and(eq(timelineEvents.id, subject.eventId), eq(timelineEvents.caseId, subject.caseId)));
    if (!event) return 'recordInvalid';
  } else if (owner.mode !== 'public_campaign') {
    return 'notPublicCampaign';
  }
  return consentAllowsPublication(owner.consent, owner.waiver) ? null : 'consentRequired';
}

/** Asks for publication: published at once when no second approval is required, else a pending request. */
export async function requestPublicationIn(
  tx: Transaction,
  actor: AuditActor,
  subject: PublicationSubject & { note: string; custodyChange?: CustodyChange | null },
): Promise<PublicationOutcome> {
  const refusal = await publicationRefusal(tx, subject);
  if (refusal) return { refused: refusal };
  const rules = await readCaseRules(tx);
  const approvedNow = !rules.requireSecondApproval;
  const [request] = await tx
    .insert(publicationRequests)
    .values({
      caseId: subject.caseId,
      eventId: subject.eventId,
      note: subject.note,
      custodyChange: subject.custodyChange ?? null,
      requestedByUserId: actor.userId!,
      status: approvedNow ? 'approved' : 'pending',
      decidedByUserId: approvedNow ? actor.userId : null,
      decidedAt: approvedNow ? sql`now()` : null,
    })
    // One pending request per case and per event: asking again leaves the first one waiting.
    .onConflictDoNothing()
    .returning({ id: publicationRequests.id });
  if (!request && subject.eventId && subject.custodyChange) {
    // Asked again with a (new) custody change: the waiting request carries the latest one.
    await tx
      .update(publicationRequests)
      .set({ custodyChange: subject.custodyChange, updatedAt: sql`now()` })
      .where(and(eq(publicationRequests.eventId, subject.eventId), eq(publicationRequests.status, 'pending')));
  }
  if (request) {
    await recordAudit(tx, actor, {
      action: 'cases.requestPublication',
      entityType: 'publication_request',
      entityId: request.id,
      after: { ...subject, status: approvedNow ? 'approved' : 'pending' },
    });
  }
  if (!approvedNow) return { outcome: 'pending' };
  await applyPublication(tx, actor, subject);
  if (subject.custodyChange) await applyCustodyChange(tx, actor, subject.caseId, subject.custodyChange);
  return { outcome: 'published' };
}

/** Makes the subject public. The caller has checked consent and approval. */
export async function applyPublication(tx: Transaction, actor: AuditActor, subject: PublicationSubject): Promise<void> {
  if (subject.eventId) {
    await tx
      .update(timelineEvents)
      .set({ visibility: 'public', updatedAt: sql`now()` })
      .where(eq(timelineEvents.id, subject.eventId));
    await recordChange(tx, actor, { kind: 'event', id: subject.eventId, caseId: subject.caseId, changeKind: 'published', action: 'events.publish' });
    const [published] = await tx.select({ title: timelineEvents.title }).from(timelineEvents).where(eq(timelineEvents.id, subject.eventId));
    // Signers who asked for news hear of the new public event, in the same transaction as its publication.
    if (published) await recordCaseNews(tx, subject.caseId, published.title);
  } else {
    await tx
      .update(cases)
      .set({ lifecycle: 'published', publishedAt: sql`coalesce(${cases.publishedAt}, now())`, updatedAt: sql`now()` })
      .where(eq(cases.id, subject.caseId));
    await recordChange(tx, actor, { kind: 'case', id: subject.caseId, caseId: subject.caseId, changeKind: 'published', action: 'cases.publish' });
  }
}
