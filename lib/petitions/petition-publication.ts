/**
 * A petition's text (title, text, whom it addresses, its address) is public content like the case's own:
 * it is published with its case's snapshot, through the one publication gate (lib/cases/publication-gate.ts),
 * after a second staff member reviews it. Organizers' edits change the working copy; opening a petition or
 * editing an open one asks for that review at once. Status, dates, goal and counts stay live.
 * Internal helpers: the caller authorized the session and runs them in its transaction.
 */
import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { cases, petitions, publicationRequests } from '@/db/schema';
import type { AuditActor } from '@/lib/audit/record-audit';
import { can } from '@/lib/auth/permissions';
import type { StaffSession } from '@/lib/auth/staff-session';
import type { PublicPetitionText } from '@/lib/cases/public';
import type { PublicCaseContent } from '@/lib/cases/public-snapshot';
import { type PublicationRefusal, requestPublicationIn } from '@/lib/cases/publication-gate';
import { publishedPetitionEntry } from './public-queries';

export type PetitionTextState =
  /** A draft: nothing of it is public, and opening it asks for review. */
  | 'draft'
  /** The public reads exactly this text. */
  | 'published'
  /** A publication request carrying this text waits for a second staff member in the case file. */
  | 'pendingApproval'
  /** This text is not public and no request carries it (the case is not public, or a request was rejected or withdrawn). */
  | 'notRequested';

export interface PetitionTextPublication {
  state: PetitionTextState;
  /** The title the public reads now, when it differs from the working copy's (null: none, or the same). */
  publicTitle: string | null;
  /** Why the last request carrying the text was turned down, if it was. */
  rejectionReason: string | null;
  caseId: string;
  caseFileAccess: CaseFileAccess;
}

/** What the caller may do in the case file, where publication requests are approved: approve, only open it, or nothing. */
export type CaseFileAccess = 'approve' | 'open' | null;

export function caseFileAccessOf(actor: StaffSession): CaseFileAccess {
  return !can(actor, 'cases.read') ? null : can(actor, 'cases.approvePublication') ? 'approve' : 'open';
}

const sameText = (a: PublicPetitionText | null | undefined, b: PublicPetitionText) =>
  Boolean(a) && a!.slug === b.slug && a!.title === b.title && a!.body === b.body && a!.target === b.target;

/** Where the petition's text stands on its way to the public, or null when there is no such petition. */
export async function readPetitionTextPublication(db: Database, actor: StaffSession, petitionId: string): Promise<PetitionTextPublication | null> {
  const [petition] = await db
    .select({ caseId: petitions.caseId, status: petitions.status, slug: petitions.slug, title: petitions.title, body: petitions.body, target: petitions.target, published: publishedPetitionEntry })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(eq(petitions.id, petitionId));
  if (!petition) return null;
  const working: PublicPetitionText = { slug: petition.slug, title: petition.title, body: petition.body, target: petition.target };
  const [request] = await db
    .select({ status: publicationRequests.status, content: publicationRequests.content, rejectionReason: publicationRequests.rejectionReason })
    .from(publicationRequests)
    .where(eq(publicationRequests.caseId, petition.caseId))
    .orderBy(desc(publicationRequests.createdAt))
    .limit(1);
  const carried = (request?.content as PublicCaseContent | null)?.petitions?.find((entry) => entry.slug === working.slug);
  const state: PetitionTextState =
    petition.status === 'draft'
      ? 'draft'
      : sameText(petition.published, working)
        ? 'published'
        : request?.status === 'pending' && sameText(carried, working)
          ? 'pendingApproval'
          : 'notRequested';
  return {
    state,
    publicTitle: petition.published && petition.published.title !== working.title ? petition.published.title : null,
    rejectionReason: state === 'notRequested' && request?.status === 'rejected' && sameText(carried, working) ? request.rejectionReason : null,
    caseId: petition.caseId,
    caseFileAccess: caseFileAccessOf(actor),
  };
}

/** Whether the petition's text is in its case's published snapshot (its address is then fixed, and it cannot go back to draft). */
export async function petitionTextIsPublished(tx: Transaction, petitionId: string): Promise<boolean> {
  const [row] = await tx
    .select({ published: publishedPetitionEntry })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(eq(petitions.id, petitionId));
  return Boolean(row?.published);
}

export type PetitionPublication = 'published' | 'pending' | null;

/**
 * Asks for the review of the case's working copy, which now carries the petition's text (a petition's text
 * goes public with its case). Never a takedown. `nothingToPublish` is no refusal here: the text is public already.
 */
export async function askToPublishPetitionText(
  tx: Transaction,
  actor: AuditActor,
  caseId: string,
): Promise<{ publication: PetitionPublication; publicationRefusal: PublicationRefusal | null }> {
  const gate = await requestPublicationIn(tx, actor, { caseId, note: '', notTakingDown: true });
  if (!('refused' in gate)) return { publication: gate.outcome, publicationRefusal: null };
  return { publication: null, publicationRefusal: gate.refused === 'nothingToPublish' ? null : gate.refused };
}
