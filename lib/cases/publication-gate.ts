/**
 * The publication gate: the only way from the working copy to the public. A request holds the public
 * view as the requester saw it (content and hash) and the snapshot it would replace; an approval by a
 * second staff member (when the case rules require one) publishes exactly that content, and only while
 * the working copy still gives it. Internal helpers run inside the caller's transaction.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { cases, publicationRequests } from '@/db/schema';
import type { Transaction } from '@/db/client';
import { type AuditActor, canonicalJson, recordAudit } from '@/lib/audit/record-audit';
import { readCaseRules } from './case-rules';
import { consentAllowsPublication } from './publication-rules';
import { eventRef } from './public';
import { buildCandidate, contentHash, currentSnapshot, type PublicCaseContent, publishSnapshot } from './public-snapshot';

export type PublicationRefusal =
  | 'consentRequired'
  | 'notPublicCampaign'
  | 'recordInvalid'
  | 'nothingToPublish'
  | 'secondApproverRequired'
  | 'changedSinceReview'
  | 'changedSinceRequest'
  | 'requestInvalid'
  | 'urgentNotAllowed'
  | 'otherChangesWaiting';
export type PublicationOutcome = { outcome: 'published' | 'pending'; requestId: string } | { refused: PublicationRefusal };

/** Why the working copy gives no public view while the case is not public either: what the requester must settle. */
function emptyRefusal(owner: { publicityMode: string; familyConsentStatus: Parameters<typeof consentAllowsPublication>[0]; consentWaiverReason: string }): PublicationRefusal {
  if (owner.publicityMode !== 'public_campaign') return 'notPublicCampaign';
  if (!consentAllowsPublication(owner.familyConsentStatus, owner.consentWaiverReason)) return 'consentRequired';
  return 'nothingToPublish';
}

/**
 * Asks to publish the case's working copy as it stands now (or to take the case down, when the working
 * copy is no longer meant to be public). One pending request per case: asking again replaces its content
 * and makes the asker its requester. Published at once when the case rules require no second approval.
 */
export async function requestPublicationIn(
  tx: Transaction,
  actor: AuditActor,
  subject: { caseId: string; note: string; urgentReason?: string; notTakingDown?: boolean },
): Promise<PublicationOutcome> {
  const [owner] = await tx
    .select({ publicityMode: cases.publicityMode, familyConsentStatus: cases.familyConsentStatus, consentWaiverReason: cases.consentWaiverReason })
    .from(cases)
    .where(eq(cases.id, subject.caseId))
    .for('update');
  if (!owner) return { refused: 'recordInvalid' };
  const candidate = await buildCandidate(tx, subject.caseId);
  const current = await currentSnapshot(tx, subject.caseId);
  const content = candidate?.content ?? null;
  const currentContent = current?.content ?? null;
  // Asked along with an edit (an event meant public, a correction): never a takedown the editor did not ask for.
  if (!content && (!currentContent || subject.notTakingDown)) return { refused: emptyRefusal(owner) };
  const hash = contentHash(content);
  if (hash === contentHash(currentContent)) return { refused: 'nothingToPublish' };

  const rules = await readCaseRules(tx);
  const urgent = Boolean(subject.urgentReason);
  if (urgent && !rules.allowUrgentCorrections) return { refused: 'urgentNotAllowed' };
  const approvedNow = urgent || !rules.requireSecondApproval;
  const values = {
    note: subject.note,
    content,
    contentHash: hash,
    baseSnapshotId: current?.id ?? null,
    requestedByUserId: actor.userId!,
    rejectionReason: '',
    urgentReason: subject.urgentReason ?? '',
  };
  const decided = approvedNow ? { status: 'approved' as const, decidedByUserId: actor.userId, decidedAt: sql`now()` } : {};
  const [waiting] = await tx
    .select({ id: publicationRequests.id })
    .from(publicationRequests)
    .where(and(eq(publicationRequests.caseId, subject.caseId), eq(publicationRequests.status, 'pending')))
    .for('update');
  let requestId: string;
  if (waiting) {
    await tx
      .update(publicationRequests)
      .set({ ...values, ...decided, createdAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(publicationRequests.id, waiting.id));
    requestId = waiting.id;
  } else {
    const [created] = await tx
      .insert(publicationRequests)
      .values({ caseId: subject.caseId, ...values, ...decided })
      .returning({ id: publicationRequests.id });
    requestId = created!.id;
  }
  await recordAudit(tx, actor, {
    action: 'cases.requestPublication',
    entityType: 'publication_request',
    entityId: requestId,
    after: { caseId: subject.caseId, contentHash: hash, takeDown: content === null, status: approvedNow ? 'approved' : 'pending', urgent },
  });
  if (!approvedNow) return { outcome: 'pending', requestId };
  await publishSnapshot(tx, actor, { caseId: subject.caseId, content, requestId, approvedByUserId: actor.userId });
  return { outcome: 'published', requestId };
}

/**
 * A second staff member approves what they reviewed: `reviewedHash` is the hash the page showed them.
 * Published only if the request still holds it and the working copy still gives it.
 */
export async function approvePublicationIn(
  tx: Transaction,
  actor: AuditActor,
  requestId: string,
  reviewedHash: string,
): Promise<{ caseId: string } | { refused: PublicationRefusal }> {
  const [request] = await tx
    .select()
    .from(publicationRequests)
    .where(and(eq(publicationRequests.id, requestId), eq(publicationRequests.status, 'pending')))
    .for('update');
  if (!request) return { refused: 'requestInvalid' };
  const rules = await readCaseRules(tx);
  if (rules.requireSecondApproval && request.requestedByUserId === actor.userId) return { refused: 'secondApproverRequired' };
  if (request.contentHash !== reviewedHash) return { refused: 'changedSinceReview' };
  const candidate = await buildCandidate(tx, request.caseId);
  if (contentHash(candidate?.content ?? null) !== request.contentHash) return { refused: 'changedSinceRequest' };
  await tx
    .update(publicationRequests)
    .set({ status: 'approved', decidedByUserId: actor.userId, decidedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(publicationRequests.id, requestId));
  await recordAudit(tx, actor, {
    action: 'cases.approvePublication',
    entityType: 'publication_request',
    entityId: requestId,
    before: { status: 'pending', requestedByUserId: request.requestedByUserId },
    after: { status: 'approved', caseId: request.caseId, contentHash: request.contentHash },
  });
  await publishSnapshot(tx, actor, {
    caseId: request.caseId,
    content: (request.content as PublicCaseContent | null) ?? null,
    requestId,
    approvedByUserId: actor.userId,
  });
  return { caseId: request.caseId };
}

/**
 * An urgent correction or retraction publishes at once only the change to that one event (its entry, the
 * corrections log, the people's "last confirmed" dates): if anything else in the working copy differs from
 * the public view, it must wait for review like everything else.
 */
export async function publishUrgentCorrection(
  tx: Transaction,
  actor: AuditActor,
  subject: { caseId: string; eventId: string; titles: string[]; urgentReason: string },
): Promise<{ published: boolean } | { refused: PublicationRefusal }> {
  const candidate = (await buildCandidate(tx, subject.caseId))?.content ?? null;
  const current = (await currentSnapshot(tx, subject.caseId))?.content ?? null;
  if (!current || !candidate) return { published: false };
  const ref = eventRef(subject.eventId);
  const apartFromEvent = (view: PublicCaseContent) =>
    canonicalJson({
      ...view,
      timeline: view.timeline.filter((event) => event.ref !== ref),
      corrections: view.corrections.filter((item) => !subject.titles.includes(item.eventTitle)),
      people: view.people.map((person) => ({ ...person, lastConfirmed: null })),
    });
  if (apartFromEvent(candidate) !== apartFromEvent(current)) return { refused: 'otherChangesWaiting' };
  if (contentHash(candidate) === contentHash(current)) return { published: false };
  const outcome = await requestPublicationIn(tx, actor, { caseId: subject.caseId, note: '', urgentReason: subject.urgentReason });
  return 'refused' in outcome ? outcome : { published: true };
}
