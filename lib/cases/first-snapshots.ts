/**
 * The upgrade to published snapshots (migration 0018): cases the public saw under the old rule (published
 * or archived public campaigns, read from live rows) become their first snapshots, with the dates the public
 * saw, so nothing public changes; then requests waiting under the old rule (one per event) become the
 * case's one waiting request, holding the content the reviewer will see. The demo seed uses the first
 * half too: its cases are written as rows, then published as they stand.
 */
import 'server-only';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { cases, publicationRequests, publicSnapshots } from '@/db/schema';
import type { AuditActor } from '@/lib/audit/record-audit';
import { canonicalJson } from '@/lib/audit/record-audit';
import { loadPublicPetitionTexts } from './public-queries';
import { buildCandidate, contentHash, currentSnapshot, type PublicCaseContent, publishSnapshot } from './public-snapshot';

const UPGRADE_ACTOR: AuditActor = { userId: null, email: 'system:upgrade', ip: '' };

/** Publishes, as they stand, the cases public under the old rule that have no snapshot yet (all, or those named). Returns how many. */
export async function publishCasesAsTheyStand(tx: Transaction, actor: AuditActor = UPGRADE_ACTOR, only?: string[]): Promise<number> {
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        inArray(cases.lifecycle, ['published', 'archived']),
        eq(cases.publicityMode, 'public_campaign'),
        sql`not exists (select 1 from ${publicSnapshots} s where s.case_id = ${cases.id})`,
        only ? inArray(cases.id, only) : undefined,
      ),
    );
  for (const row of rows) {
    // The old rule did not look at consent once a case was out: the first snapshot keeps what was shown.
    const candidate = await buildCandidate(tx, row.id, { consentAlreadySettled: true });
    if (!candidate?.content || !candidate.rowStamps) continue;
    await publishSnapshot(tx, actor, { caseId: row.id, content: candidate.content, requestId: null, approvedByUserId: null, stamps: candidate.rowStamps });
  }
  return rows.length;
}

/**
 * The upgrade to petition text in snapshots (migration 0019; test fixtures too): the text of petitions the
 * public saw under the old rule (opened, on a public case) joins the case's current snapshot as it stands,
 * keeping the dates the public saw; a waiting request gains the same text, so its review is not undone.
 * Cases with no such petition keep their snapshot. Returns how many cases got a new snapshot.
 */
export async function publishPetitionTextsAsTheyStand(tx: Transaction, actor: AuditActor = UPGRADE_ACTOR, only?: string[]): Promise<number> {
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(isNotNull(cases.publicSnapshotId), only ? inArray(cases.id, only) : undefined));
  let published = 0;
  for (const row of rows) {
    const current = await currentSnapshot(tx, row.id);
    if (!current?.content) continue;
    const texts = await loadPublicPetitionTexts(tx, row.id);
    const waiting = await tx
      .select({ id: publicationRequests.id, content: publicationRequests.content })
      .from(publicationRequests)
      .where(and(eq(publicationRequests.caseId, row.id), eq(publicationRequests.status, 'pending')));
    for (const request of waiting) {
      const asked = request.content as PublicCaseContent | null;
      if (!asked || asked.petitions) continue;
      const content = { ...asked, petitions: texts };
      await tx.update(publicationRequests).set({ content, contentHash: contentHash(content) }).where(eq(publicationRequests.id, request.id));
    }
    if (canonicalJson(current.content.petitions ?? []) === canonicalJson(texts)) continue;
    const content = { ...current.content, petitions: texts };
    await publishSnapshot(tx, actor, { caseId: row.id, content, requestId: null, approvedByUserId: null, stamps: current.stamps });
    published += 1;
  }
  return published;
}

/** Requests waiting under the old rule, one per event, become the case's one waiting request with its content. */
export async function convertWaitingRequests(tx: Transaction): Promise<void> {
  await tx.execute(sql`
    update timeline_events e set custody_status = (r.custody_change->>'custodyStatus')::custody_status, custody_place = r.custody_change->>'custodyPlace'
      from publication_requests r
      where r.event_id = e.id and r.status = 'pending' and r.custody_change is not null`);
  await tx.execute(sql`
    update timeline_events set visibility = 'public'
      where id in (select event_id from publication_requests where status = 'pending' and event_id is not null)`);
  await tx.execute(sql`
    update cases set lifecycle = 'published'
      where lifecycle = 'draft' and id in (select case_id from publication_requests where status = 'pending' and event_id is null)`);
  await tx.execute(sql`
    update publication_requests r set event_id = null
      where r.status = 'pending' and r.event_id is not null
        and r.id = (select r2.id from publication_requests r2 where r2.case_id = r.case_id and r2.status = 'pending' and r2.event_id is not null order by r2.created_at, r2.id limit 1)
        and not exists (select 1 from publication_requests r3 where r3.case_id = r.case_id and r3.status = 'pending' and r3.event_id is null)`);
  await tx.execute(sql`update publication_requests set status = 'withdrawn', decided_at = now() where status = 'pending' and event_id is not null`);
  const waiting = await tx
    .select({ id: publicationRequests.id, caseId: publicationRequests.caseId })
    .from(publicationRequests)
    .where(and(eq(publicationRequests.status, 'pending'), isNull(publicationRequests.contentHash), isNull(publicationRequests.eventId)));
  for (const request of waiting) {
    const content = (await buildCandidate(tx, request.caseId))?.content ?? null;
    const base = await currentSnapshot(tx, request.caseId);
    await tx
      .update(publicationRequests)
      .set({ content, contentHash: contentHash(content), baseSnapshotId: base?.id ?? null })
      .where(eq(publicationRequests.id, request.id));
  }
  // Decided requests keep no content; nothing else refers to the old per-event custody changes.
  await tx.update(publicationRequests).set({ custodyChange: null }).where(isNotNull(publicationRequests.custodyChange));
}
