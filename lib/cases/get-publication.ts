/**
 * Where a case stands with the public, for its staff: what is published, what the working copy would
 * change (a diff of the public view), the waiting request with its diff and hash, the last decision, and
 * urgent corrections that still need their review. Reads only; the approver's page posts the hash it showed.
 */
import 'server-only';
import { and, desc, eq, isNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { cases, publicationRequests, publicSnapshots, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { defineOperation } from '@/lib/operations/define-operation';
import { missingRecord, type OperationResult, succeeded } from '@/lib/operations/result';
import { readCaseRules } from './case-rules';
import { buildCandidate, contentHash, currentSnapshot, diffPublicViews, type PublicCaseContent, type ViewChange } from './public-snapshot';
import { caseIdSchema, publicationPreviewSchema } from './schemas';

export interface PendingPublicationReview {
  id: string;
  requestedBy: string;
  requestedByMe: boolean;
  requestedAt: string;
  note: string;
  contentHash: string;
  takeDown: boolean;
  /** What the request would change on the public page, against what is public now. */
  changes: ViewChange[];
  /** The working copy changed since it was asked: it must be asked (and reviewed) again. */
  stale: boolean;
}

export interface CasePublication {
  /** The latest snapshot: null when the case was never published. */
  published: { version: number; at: string; isPublic: boolean; approvedBy: string | null } | null;
  /** What the working copy would change on the public page now. */
  unpublishedChanges: ViewChange[];
  pending: PendingPublicationReview | null;
  lastDecision: { status: 'approved' | 'rejected' | 'withdrawn'; reason: string; decidedBy: string | null; at: string } | null;
  urgentAwaitingReview: { id: string; urgentReason: string; requestedBy: string; requestedByMe: boolean; at: string }[];
  rules: { requireSecondApproval: boolean; allowUrgentCorrections: boolean };
  canRequest: boolean;
  /** May approve or reject the waiting request (a writer who did not ask for it, where a second approval is required). */
  canDecide: boolean;
}

const iso = (value: Date) => value.toISOString();

/** The case's publication state, or null when there is no such case. */
export async function readCasePublication(db: Database, caseId: string, viewer: { userId: string | null; canWrite: boolean }): Promise<CasePublication | null> {
  const candidate = await buildCandidate(db, caseId);
  if (!candidate) return null;
  const [current, rules] = [await currentSnapshot(db, caseId), await readCaseRules(db)];
  const candidateContent = candidate.content;
  const currentContent = current?.content ?? null;
  const decider = alias(users, 'decider');
  const requests = await db
    .select({
      id: publicationRequests.id,
      status: publicationRequests.status,
      note: publicationRequests.note,
      content: publicationRequests.content,
      contentHash: publicationRequests.contentHash,
      requestedByUserId: publicationRequests.requestedByUserId,
      requestedBy: users.email,
      requestedAt: publicationRequests.createdAt,
      rejectionReason: publicationRequests.rejectionReason,
      decidedBy: decider.email,
      decidedAt: publicationRequests.decidedAt,
      urgentReason: publicationRequests.urgentReason,
      reviewedAfterAt: publicationRequests.reviewedAfterAt,
    })
    .from(publicationRequests)
    .innerJoin(users, eq(users.id, publicationRequests.requestedByUserId))
    .leftJoin(decider, eq(decider.id, publicationRequests.decidedByUserId))
    .where(eq(publicationRequests.caseId, caseId))
    .orderBy(desc(publicationRequests.updatedAt));
  const waiting = requests.find((request) => request.status === 'pending' && request.contentHash);
  const decided = requests.find((request) => request.status !== 'pending');
  const [approver] = current
    ? await db
        .select({ email: users.email })
        .from(publicSnapshots)
        .innerJoin(users, eq(users.id, publicSnapshots.approvedByUserId))
        .where(eq(publicSnapshots.id, current.id))
    : [];
  const requesterMayDecide = !rules.requireSecondApproval;
  return {
    published: current ? { version: current.version, at: current.createdAt, isPublic: current.content !== null, approvedBy: approver?.email ?? null } : null,
    unpublishedChanges: contentHash(candidateContent) === contentHash(currentContent) ? [] : diffPublicViews(currentContent, candidateContent),
    pending: waiting
      ? {
          id: waiting.id,
          requestedBy: waiting.requestedBy,
          requestedByMe: waiting.requestedByUserId === viewer.userId,
          requestedAt: iso(waiting.requestedAt),
          note: waiting.note,
          contentHash: waiting.contentHash!,
          takeDown: waiting.content === null,
          changes: diffPublicViews(currentContent, (waiting.content as PublicCaseContent | null) ?? null),
          stale: waiting.contentHash !== contentHash(candidateContent),
        }
      : null,
    lastDecision:
      decided && decided.decidedAt && decided.status !== 'pending'
        ? { status: decided.status, reason: decided.rejectionReason, decidedBy: decided.decidedBy, at: iso(decided.decidedAt) }
        : null,
    urgentAwaitingReview: requests
      .filter((request) => request.urgentReason !== '' && request.reviewedAfterAt === null && request.status === 'approved')
      .map((request) => ({
        id: request.id,
        urgentReason: request.urgentReason,
        requestedBy: request.requestedBy,
        requestedByMe: request.requestedByUserId === viewer.userId,
        at: iso(request.requestedAt),
      })),
    rules: { requireSecondApproval: rules.requireSecondApproval, allowUrgentCorrections: rules.allowUrgentCorrections },
    canRequest: viewer.canWrite,
    canDecide: viewer.canWrite && Boolean(waiting) && (requesterMayDecide || waiting?.requestedByUserId !== viewer.userId),
  };
}

/** A case's publication state (the case file's Publication panel). */
export const getCasePublication = defineOperation({
  name: 'publications.read',
  input: caseIdSchema,
  writes: false,
  changesPublicView: false,
  async run({ db, session }, { caseId }): Promise<OperationResult<CasePublication>> {
    // One read of the working copy's candidate: it also tells whether the case exists.
    const publication = await readCasePublication(db, caseId, { userId: session.userId, canWrite: can(session, 'cases.approvePublication') });
    return publication ? succeeded(publication) : missingRecord('caseId');
  },
});

export interface PublicationQueueItem {
  requestId: string;
  caseId: string;
  caseTitle: string;
  requestedBy: string;
  requestedByMe: boolean;
  requestedAt: string;
  kind: 'pending' | 'urgentReview';
}

/** Every publication waiting for a decision, oldest first, and urgent corrections waiting for their review. */
export const listPublicationQueue = defineOperation({
  name: 'publications.list',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db, session }): Promise<OperationResult<PublicationQueueItem[]>> {
    const rows = await db
      .select({
        requestId: publicationRequests.id,
        caseId: publicationRequests.caseId,
        caseTitle: cases.title,
        requestedBy: users.email,
        requestedByUserId: publicationRequests.requestedByUserId,
        requestedAt: publicationRequests.createdAt,
        status: publicationRequests.status,
      })
      .from(publicationRequests)
      .innerJoin(users, eq(users.id, publicationRequests.requestedByUserId))
      .innerJoin(cases, eq(cases.id, publicationRequests.caseId))
      .where(
        or(
          eq(publicationRequests.status, 'pending'),
          and(eq(publicationRequests.status, 'approved'), ne(publicationRequests.urgentReason, ''), isNull(publicationRequests.reviewedAfterAt)),
        ),
      )
      .orderBy(publicationRequests.createdAt);
    return succeeded(
      rows.map((row) => ({
        requestId: row.requestId,
        caseId: row.caseId,
        caseTitle: row.caseTitle,
        requestedBy: row.requestedBy,
        requestedByMe: row.requestedByUserId === session.userId,
        requestedAt: iso(row.requestedAt),
        kind: row.status === 'pending' ? ('pending' as const) : ('urgentReview' as const),
      })),
    );
  },
});

/** The public page as a waiting request would make it: the reviewer's preview, stamped with today's date. */
export const getPublicationPreview = defineOperation({
  name: 'publications.preview',
  input: publicationPreviewSchema,
  writes: false,
  changesPublicView: false,
  async run({ db }, { caseId, requestId }): Promise<OperationResult<{ content: PublicCaseContent | null; contentHash: string; stale: boolean }>> {
    const [request] = await db
      .select({ content: publicationRequests.content, contentHash: publicationRequests.contentHash })
      .from(publicationRequests)
      .where(and(eq(publicationRequests.id, requestId), eq(publicationRequests.caseId, caseId), eq(publicationRequests.status, 'pending')));
    if (!request?.contentHash) return missingRecord('requestId');
    const candidate = await buildCandidate(db, caseId);
    return succeeded({
      content: (request.content as PublicCaseContent | null) ?? null,
      contentHash: request.contentHash,
      stale: contentHash(candidate?.content ?? null) !== request.contentHash,
    });
  },
});
