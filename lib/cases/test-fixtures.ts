/** Case records for integration tests, written straight to the test database. */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { caseRules, casePeople, cases, publicationRequests, sources, timelineEvents } from '@/db/schema';
import { publishCasesAsTheyStand } from './first-snapshots';
import type { EventFieldsInput } from './schemas';

export async function insertTestCase(values: Partial<typeof cases.$inferInsert> = {}): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(cases)
    .values({ slug: `test-${randomUUID().slice(0, 8)}`, title: 'A test case', familyConsentStatus: 'granted', publicityMode: 'public_campaign', ...values })
    .returning({ id: cases.id });
  return row!.id;
}

export async function insertTestPerson(caseId: string, values: Partial<typeof casePeople.$inferInsert> = {}): Promise<string> {
  const db = await getDb();
  const [row] = await db.insert(casePeople).values({ caseId, publicAlias: 'Person A', relation: 'principal', ...values }).returning({ id: casePeople.id });
  return row!.id;
}

export async function insertTestEvent(caseId: string, values: Partial<typeof timelineEvents.$inferInsert> = {}): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(timelineEvents)
    .values({ caseId, occurredOn: '2020-01-01', eventType: 'report', title: 'A test event', ...values })
    .returning({ id: timelineEvents.id });
  return row!.id;
}

export async function insertTestSource(values: Partial<typeof sources.$inferInsert> = {}): Promise<string> {
  const db = await getDb();
  const [row] = await db.insert(sources).values({ kind: 'ngo', publicAttribution: 'an NGO', ...values }).returning({ id: sources.id });
  return row!.id;
}

/** The fields of an event form, as strings, the way the browser posts them. */
export function eventForm(caseId: string, values: Partial<Record<keyof EventFieldsInput, string>> = {}): EventFieldsInput {
  // The schema parses form strings; the cast states that these strings are what the form posts.
  return {
    caseId,
    occurredOn: '2024-03-01',
    occurredPrecision: 'day',
    endedOn: '',
    eventType: 'transfer',
    title: 'Moved to a prison',
    description: '',
    place: '',
    visibility: 'internal',
    internalNotes: '',
    personIds: '',
    sourceIds: '',
    ...values,
  } as EventFieldsInput;
}

/** What a reviewer's form posts for a waiting request: its id and the hash of the content it showed. */
export async function reviewOf(requestId: string): Promise<{ requestId: string; contentHash: string }> {
  const db = await getDb();
  const [row] = await db.select({ contentHash: publicationRequests.contentHash }).from(publicationRequests).where(eq(publicationRequests.id, requestId));
  return { requestId, contentHash: row?.contentHash ?? '0'.repeat(64) };
}

/** The case's waiting publication request, as a reviewer's form posts it. */
export async function pendingReviewOf(caseId: string): Promise<{ requestId: string; contentHash: string }> {
  const db = await getDb();
  const [row] = await db
    .select({ id: publicationRequests.id })
    .from(publicationRequests)
    .where(and(eq(publicationRequests.caseId, caseId), eq(publicationRequests.status, 'pending')));
  if (!row) throw new Error(`No waiting publication request for case ${caseId}`);
  return reviewOf(row.id);
}

/**
 * Publishes, as they stand, test cases written straight as rows (as the upgrade publishes cases already
 * public): the cases named, or every published public campaign without a snapshot.
 */
export async function publishAsTheyStand(...caseIds: string[]): Promise<void> {
  const db = await getDb();
  await db.transaction((tx) => publishCasesAsTheyStand(tx, undefined, caseIds.length > 0 ? caseIds : undefined).then(() => undefined));
}

/** Sets the case rules straight in the database (changing them through the app takes two admins for a weaker rule). */
export async function setCaseRules(rules: Partial<{ requireSecondApproval: boolean; reviewAfterDays: number; allowUrgentCorrections: boolean }>): Promise<void> {
  const db = await getDb();
  await db
    .insert(caseRules)
    .values({ id: 1, ...rules })
    .onConflictDoUpdate({ target: caseRules.id, set: rules });
}
