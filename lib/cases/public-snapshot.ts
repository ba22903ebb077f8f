/**
 * The one gate between the staff's working copy and the public. The public view of a case is read
 * only from its current published snapshot: an immutable record written here, and only here, when a
 * publication is approved. Every other write changes the working copy, never what the public sees.
 *
 * - `buildCandidate` computes what the public view would be from the working copy (the same allowlist
 *   projections the public reads), without the dates the public sees (those are stamped at publication).
 * - `contentHash` is the SHA-256 of the candidate's canonical JSON: a request holds the hash of what was
 *   reviewed, and an approval publishes only while the working copy still gives that hash.
 * - `publishSnapshot` writes the snapshot, points the case at it, and queues the signers' news.
 * Internal helpers: the caller authorized the session and runs them in its transaction.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { cases, publicSnapshots } from '@/db/schema';
import { type AuditActor, canonicalJson, recordAudit } from '@/lib/audit/record-audit';
import { recordCaseNews } from './case-news';
import type { PublicCase, PublicTimelineEvent } from './public';
import { consentAllowsPublication } from './publication-rules';
import { loadPublicCorrections, loadPublicPeople, loadPublicPetitionTexts, loadPublicTimeline, publicCaseColumns } from './public-queries';

/** A public event as reviewed: everything but the date the public sees it was last updated. */
export type ReviewedEvent = Omit<PublicTimelineEvent, 'updatedAt'>;
/** A case's public view as reviewed and published: everything but the dates stamped at publication. */
export type PublicCaseContent = Omit<PublicCase, 'lastUpdatedAt' | 'timeline'> & { timeline: ReviewedEvent[] };
/** The dates the public reads: the case's last update and each event's (by its opaque ref). */
export interface SnapshotStamps {
  lastUpdatedAt: string;
  events: Record<string, string>;
}

/** The SHA-256 of a public view (null: "not public"), over its canonical JSON. */
export function contentHash(content: PublicCaseContent | null): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Whether the working copy means the case to be public: a public campaign, published or archived, with consent settled. */
function meantPublic(
  row: { lifecycle: string; publicityMode: string; familyConsentStatus: Parameters<typeof consentAllowsPublication>[0]; consentWaiverReason: string },
  consentAlreadySettled: boolean,
) {
  return (
    (row.lifecycle === 'published' || row.lifecycle === 'archived') &&
    row.publicityMode === 'public_campaign' &&
    (consentAlreadySettled || consentAllowsPublication(row.familyConsentStatus, row.consentWaiverReason))
  );
}

export interface Candidate {
  content: PublicCaseContent | null;
  /** The dates the working copy's rows carry: used only for the first snapshots of cases already public on upgrade. */
  rowStamps: SnapshotStamps | null;
}

/**
 * What the public would see of the case if its working copy were published now (content null: nothing);
 * null when there is no such case. `consentAlreadySettled`: only for cases public before snapshots existed.
 */
export async function buildCandidate(db: Database | Transaction, caseId: string, options: { consentAlreadySettled?: boolean } = {}): Promise<Candidate | null> {
  const [row] = await db
    .select({
      ...publicCaseColumns,
      publicityMode: cases.publicityMode,
      familyConsentStatus: cases.familyConsentStatus,
      consentWaiverReason: cases.consentWaiverReason,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) return null;
  if (!meantPublic(row, options.consentAlreadySettled ?? false)) return { content: null, rowStamps: null };
  // One after the other: inside a transaction the queries share one connection.
  const people = (await loadPublicPeople(db, [caseId])).get(caseId) ?? [];
  const timeline = await loadPublicTimeline(db, caseId);
  const corrections = await loadPublicCorrections(db, caseId);
  const petitionTexts = await loadPublicPetitionTexts(db, caseId);
  const content: PublicCaseContent = {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    urgency: row.urgency,
    archived: row.lifecycle === 'archived',
    people,
    timeline: timeline.map(withoutUpdatedAt),
    corrections,
    petitions: petitionTexts,
  };
  const rowStamps: SnapshotStamps = {
    lastUpdatedAt: row.lastUpdatedAt,
    events: Object.fromEntries(timeline.map((event) => [event.ref, event.updatedAt])),
  };
  return { content, rowStamps };
}

function withoutUpdatedAt(event: PublicTimelineEvent): ReviewedEvent {
  const reviewed: Partial<PublicTimelineEvent> = { ...event };
  delete reviewed.updatedAt;
  return reviewed as ReviewedEvent;
}

export interface CurrentSnapshot {
  id: string;
  version: number;
  content: PublicCaseContent | null;
  contentHash: string;
  stamps: SnapshotStamps;
  createdAt: string;
}

/** The case's latest snapshot (public or a takedown), or null when it was never published. */
export async function currentSnapshot(db: Database | Transaction, caseId: string): Promise<CurrentSnapshot | null> {
  const [row] = await db
    .select({
      id: publicSnapshots.id,
      version: publicSnapshots.version,
      content: publicSnapshots.content,
      stamps: publicSnapshots.stamps,
      createdAt: publicSnapshots.createdAt,
    })
    .from(publicSnapshots)
    .where(eq(publicSnapshots.caseId, caseId))
    .orderBy(desc(publicSnapshots.version))
    .limit(1);
  if (!row) return null;
  const content = (row.content as PublicCaseContent | null) ?? null;
  return { id: row.id, version: row.version, content, contentHash: contentHash(content), stamps: row.stamps as SnapshotStamps, createdAt: row.createdAt.toISOString() };
}

/** Dates for a new snapshot: unchanged events keep theirs, new or changed ones (and the case, if anything changed) get `now`. */
function stampsFor(content: PublicCaseContent, previous: CurrentSnapshot | null, now: string): SnapshotStamps {
  const before = new Map((previous?.content?.timeline ?? []).map((event) => [event.ref, canonicalJson(event)]));
  const events: Record<string, string> = {};
  for (const event of content.timeline) {
    const kept = before.get(event.ref) === canonicalJson(event) ? previous?.stamps.events[event.ref] : undefined;
    events[event.ref] = kept ?? now;
  }
  const unchanged = previous?.content && contentHash(previous.content) === contentHash(content);
  return { lastUpdatedAt: unchanged ? previous.stamps.lastUpdatedAt : now, events };
}

/** Events the signers should hear of: new on the public timeline, or changed (corrected, retracted). */
function newsworthyEvents(content: PublicCaseContent, previous: PublicCaseContent | null): ReviewedEvent[] {
  if (!previous) return [];
  const before = new Map(previous.timeline.map((event) => [event.ref, canonicalJson(event)]));
  return content.timeline.filter((event) => before.get(event.ref) !== canonicalJson(event));
}

export interface Publication {
  caseId: string;
  content: PublicCaseContent | null;
  requestId: string | null;
  approvedByUserId: string | null;
  /** Only for the first snapshots of cases already public on upgrade: keep the dates the public saw. */
  stamps?: SnapshotStamps;
}

/** Writes the next snapshot of the case and makes it the public one (content null takes the case down). */
export async function publishSnapshot(tx: Transaction, actor: AuditActor, publication: Publication): Promise<{ snapshotId: string; version: number }> {
  const { caseId, content } = publication;
  // Serialises publications of one case: versions never collide, the pointer never goes back.
  await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
  const previous = await currentSnapshot(tx, caseId);
  const [clock] = await tx.select({ now: sql<string>`now()`.mapWith((value: Date | string) => new Date(value).toISOString()) }).from(cases).where(eq(cases.id, caseId));
  const nowIso = clock!.now;
  const stamps = publication.stamps ?? (content ? stampsFor(content, previous, nowIso) : { lastUpdatedAt: nowIso, events: {} });
  const version = (previous?.version ?? 0) + 1;
  const [snapshot] = await tx
    .insert(publicSnapshots)
    .values({
      caseId,
      version,
      content,
      contentHash: contentHash(content),
      stamps,
      slug: content?.slug ?? null,
      title: content?.title ?? null,
      archived: content?.archived ?? false,
      requestId: publication.requestId,
      approvedByUserId: publication.approvedByUserId,
    })
    .returning({ id: publicSnapshots.id });
  await tx
    .update(cases)
    .set(
      content
        ? { publicSnapshotId: snapshot!.id, publishedAt: sql`coalesce(${cases.publishedAt}, now())` }
        : { publicSnapshotId: null },
    )
    .where(eq(cases.id, caseId));
  if (content) {
    // Signers who asked for news hear of each new or changed public event, in the publication's transaction.
    for (const event of newsworthyEvents(content, previous?.content ?? null)) await recordCaseNews(tx, caseId, event.title);
  }
  // In the audit chain, not in the case's versions: publishing changes nothing of the working copy, and a
  // case's review reminder counts the staff's changes to it, not its publications.
  await recordAudit(tx, actor, {
    action: content ? 'cases.publish' : 'cases.takeDown',
    entityType: 'case',
    entityId: caseId,
    after: { snapshotId: snapshot!.id, version, contentHash: contentHash(content), requestId: publication.requestId },
  });
  return { snapshotId: snapshot!.id, version };
}

/** One line of a diff between two public views, for the reviewer: where, before, after (JSON texts). */
export interface ViewChange {
  path: string;
  before: string | null;
  after: string | null;
}

/**
 * What changes on the public page: every field that differs, as a path ("timeline[Arrested in Shenyang].place").
 * Events and people are matched by their ref and alias so a reorder is not reported as a change.
 */
export function diffPublicViews(before: PublicCaseContent | null, after: PublicCaseContent | null): ViewChange[] {
  const changes: ViewChange[] = [];
  const text = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  const walk = (path: string, a: unknown, b: unknown) => {
    if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) return;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) walk(path ? `${path}.${key}` : key, (a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && keyed(a) && keyed(b)) {
      const label = (item: Record<string, unknown>) => String(item.ref ?? item.alias ?? item.slug);
      const name = (item: Record<string, unknown>) => String(item.title ?? item.alias);
      const left = new Map(a.map((item) => [label(item), item]));
      const right = new Map(b.map((item) => [label(item), item]));
      for (const key of new Set([...left.keys(), ...right.keys()])) {
        const item = (right.get(key) ?? left.get(key))!;
        walk(`${path}[${name(item)}]`, left.get(key), right.get(key));
      }
      return;
    }
    changes.push({ path, before: text(a), after: text(b) });
  };
  if (!before || !after) {
    changes.push({ path: 'public', before: before ? 'public' : null, after: after ? 'public' : null });
    if (!after) return changes;
  }
  walk('', before ?? {}, after);
  return changes;
}

function keyed(items: unknown[]): items is Record<string, unknown>[] {
  return items.every((item) => item !== null && typeof item === 'object' && ('ref' in item || 'alias' in item || 'slug' in item));
}
