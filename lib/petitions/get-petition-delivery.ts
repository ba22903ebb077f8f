/**
 * A delivered petition as its organizers see it: the hand-over as recorded (date, recipient, note)
 * and where the case-timeline event that announces it stands on its way to the public, read from the
 * database as it is now (a second staff member may have approved it since, or withdrawn the request).
 */
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, petitions, publicationRequests, timelineEvents } from '@/db/schema';
import type { StaffSession } from '@/lib/auth/staff-session';
import { caseIsPublicColumn, eventIsPublished } from '@/lib/cases/public-queries';
import { type CaseFileAccess, caseFileAccessOf } from './petition-publication';

/** Why a delivery event is kept for staff only. */
export type StaffOnlyReason = 'consentRequired' | 'requestWithdrawn' | 'publicationRefused';

export type DeliveryTimelineState =
  /** Public, on a public case: readers see it. */
  | { state: 'public' }
  /** Public, but its case is not published yet: readers see it once the case is. */
  | { state: 'publicOnceCasePublished' }
  /** Retracted since: the case timeline marks the event as retracted (publicly, if it was public). */
  | { state: 'retracted' }
  /** A publication request waits for a second staff member in the case file. */
  | { state: 'pendingApproval' }
  | { state: 'staffOnly'; reason: StaffOnlyReason }
  /** No event is on record for this delivery (or it no longer exists). */
  | { state: 'unknown' };

export interface PetitionDelivery {
  caseId: string;
  deliveredOn: string;
  deliveredTo: string;
  note: string | null;
  timeline: DeliveryTimelineState;
  caseFileAccess: CaseFileAccess;
}

/**
 * The delivery of a petition, or null when the petition does not exist or is not delivered. Part of
 * the `petitions.read` operation (get-petition-figures.ts), whose caller `actor` already is.
 */
export async function readPetitionDelivery(db: Database, actor: StaffSession, petitionId: string): Promise<PetitionDelivery | null> {
  const [petition] = await db
    .select({
      caseId: petitions.caseId,
      status: petitions.status,
      deliveredOn: petitions.deliveredOn,
      deliveredTo: petitions.deliveredTo,
      note: petitions.deliveryNote,
      eventId: petitions.deliveryEventId,
      refusal: petitions.deliveryPublicationRefusal,
      casePublic: caseIsPublicColumn,
    })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(eq(petitions.id, petitionId));
  if (!petition || petition.status !== 'delivered' || !petition.deliveredOn) return null;
  return {
    caseId: petition.caseId,
    deliveredOn: petition.deliveredOn,
    deliveredTo: petition.deliveredTo ?? '',
    note: petition.note,
    timeline: await readTimelineState(db, petition.eventId, petition.refusal, petition.caseId, petition.casePublic),
    caseFileAccess: caseFileAccessOf(actor),
  };
}

async function readTimelineState(db: Database, eventId: string | null, refusal: string | null, caseId: string, casePublic: boolean): Promise<DeliveryTimelineState> {
  if (!eventId) return { state: 'unknown' };
  const [event] = await db
    .select({ visibility: timelineEvents.visibility, retractedAt: timelineEvents.retractedAt })
    .from(timelineEvents)
    .where(and(eq(timelineEvents.id, eventId), eq(timelineEvents.caseId, caseId)));
  if (!event) return { state: 'unknown' };
  if (event.retractedAt) return { state: 'retracted' };
  if (casePublic && (await eventIsPublished(db, eventId))) return { state: 'public' };
  if (event.visibility !== 'public') return { state: 'staffOnly', reason: 'publicationRefused' };
  if (refusal === 'consentRequired') return { state: 'staffOnly', reason: 'consentRequired' };
  // Meant to be public: it waits for the case's publication (a request, or the case's own first publication).
  const [request] = await db
    .select({ status: publicationRequests.status })
    .from(publicationRequests)
    .where(eq(publicationRequests.caseId, caseId))
    .orderBy(desc(publicationRequests.createdAt))
    .limit(1);
  if (request?.status === 'pending') return { state: 'pendingApproval' };
  if (!casePublic && refusal !== 'consentRequired') return { state: 'publicOnceCasePublished' };
  if (request?.status === 'withdrawn' || request?.status === 'rejected') return { state: 'staffOnly', reason: 'requestWithdrawn' };
  return { state: 'staffOnly', reason: refusal === 'consentRequired' ? 'consentRequired' : 'publicationRefused' };
}
