/** Case records for integration tests, written straight to the test database. */
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { casePeople, cases, sources, timelineEvents } from '@/db/schema';
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
