/**
 * The generated leak test: 200 cases built by fast-check, every private field (internal notes, legal
 * names, confidential sources and their origins, internal events, consent reasons, approval notes,
 * correction notes, history snapshots) holding a canary. Every public projection, JSON shape and feed
 * is built for every case; no canary may appear, and what should be public must be.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import {
  casePeople,
  cases,
  eventCorrections,
  publicationRequests,
  recordVersions,
  sources,
  timelineEventPeople,
  timelineEventSources,
  timelineEvents,
  users,
} from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { publishCasesAsTheyStand } from './first-snapshots';
import { getPublicCase } from './get-public-case';
import { listPublicCases } from './list-public-cases';
import type { PublicCase } from './public';
import { buildAtomFeed } from './public-feed';
import { CASE_LIFECYCLES, CUSTODY_STATUSES, FAMILY_CONSENT_STATUSES, PUBLICITY_MODES, SOURCE_KINDS } from './vocabulary';

const MARKER = 'QXGENCANARYQX';
const CASE_COUNT = 200;

const generatedCase = fc.record({
  lifecycle: fc.constantFrom(...CASE_LIFECYCLES),
  publicityMode: fc.constantFrom(...PUBLICITY_MODES),
  consent: fc.constantFrom(...FAMILY_CONSENT_STATUSES),
  people: fc.array(fc.record({ custody: fc.constantFrom(...CUSTODY_STATUSES), withLegalName: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  sources: fc.array(fc.record({ kind: fc.constantFrom(...SOURCE_KINDS), mayBeNamed: fc.boolean(), origin: fc.constantFrom('', 'relay-a', 'relay-b') }), { minLength: 1, maxLength: 3 }),
  events: fc.array(
    fc.record({
      visibility: fc.constantFrom('public' as const, 'internal' as const),
      retracted: fc.boolean(),
      correction: fc.constantFrom(null, 'correction' as const, 'retraction' as const),
      pendingPublication: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});
type GeneratedCase = typeof generatedCase extends fc.Arbitrary<infer T> ? T : never;

interface Expected {
  slug: string;
  isPublic: boolean;
  publicEventTitles: string[];
}

async function insertGeneratedCases(db: Database, specs: GeneratedCase[]): Promise<Expected[]> {
  const [author] = await db.insert(users).values({ email: 'leak.author@test.example', role: 'advocate' }).returning({ id: users.id });
  const expected: Expected[] = [];
  for (const [index, spec] of specs.entries()) {
    const canary = (field: string) => `${MARKER}-${index}-${field}`;
    const isPublic = spec.lifecycle !== 'draft' && spec.publicityMode === 'public_campaign';
    // On a hidden case everything is a canary: even its public-looking fields must never come out.
    const shown = (field: string, text: string) => (isPublic ? text : canary(field));
    const slug = isPublic ? `generated-public-${index}` : `${MARKER.toLowerCase()}-hidden-${index}`;
    const publicEventTitles: string[] = [];
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(cases)
        .values({
          slug,
          title: shown('title', `Generated case ${index}`),
          publicSummary: shown('summary', `Summary ${index}`),
          internalNotes: canary('case.internalNotes'),
          lifecycle: spec.lifecycle,
          publicityMode: spec.publicityMode,
          familyConsentStatus: spec.consent,
          consentWaiverReason: canary('case.consentWaiverReason'),
          publishedAt: isPublic ? new Date('2024-01-01T00:00:00Z') : null,
        })
        .returning({ id: cases.id });
      const caseId = row!.id;
      const personIds: string[] = [];
      for (const [personIndex, person] of spec.people.entries()) {
        const [created] = await tx
          .insert(casePeople)
          .values({
            caseId,
            publicAlias: shown(`alias${personIndex}`, `Person ${index}-${personIndex}`),
            legalName: person.withLegalName ? canary(`person${personIndex}.legalName`) : null,
            relation: 'relative',
            custodyStatus: person.custody,
            custodyPlace: shown(`place${personIndex}`, `Place ${index}`),
            custodyAsOf: '2024-02-01',
            internalNotes: canary(`person${personIndex}.internalNotes`),
          })
          .returning({ id: casePeople.id });
        personIds.push(created!.id);
      }
      const sourceIds: string[] = [];
      for (const [sourceIndex, source] of spec.sources.entries()) {
        const [created] = await tx
          .insert(sources)
          .values({
            kind: source.kind,
            publicAttribution: shown(`attribution${sourceIndex}`, `a source ${sourceIndex}`),
            mayBeNamed: source.mayBeNamed,
            name: source.mayBeNamed && isPublic ? `Named source ${index}` : canary(`source${sourceIndex}.name`),
            url: source.mayBeNamed && isPublic ? `https://example.org/${index}` : `https://example.org/${canary(`source${sourceIndex}.url`)}`,
            origin: source.origin ? canary(`source${sourceIndex}.origin.${source.origin}`) : '',
            internalNotes: canary(`source${sourceIndex}.internalNotes`),
          })
          .returning({ id: sources.id });
        sourceIds.push(created!.id);
        await tx.insert(recordVersions).values({
          entityType: 'source',
          entityId: created!.id,
          version: 1,
          changeKind: 'created',
          snapshot: { name: canary(`source${sourceIndex}.history`) },
          changedByUserId: author!.id,
        });
      }
      for (const [eventIndex, event] of spec.events.entries()) {
        const visible = event.visibility === 'public';
        const publicText = (field: string, text: string) => (visible ? shown(`event${eventIndex}.${field}`, text) : canary(`event${eventIndex}.${field}`));
        const title = publicText('title', `Event ${index}-${eventIndex}`);
        if (visible && isPublic) publicEventTitles.push(title);
        const [created] = await tx
          .insert(timelineEvents)
          .values({
            caseId,
            occurredOn: `2023-0${1 + (eventIndex % 9)}-01`,
            eventType: 'report',
            title,
            description: publicText('description', 'What happened.'),
            place: publicText('place', 'Somewhere'),
            visibility: event.visibility,
            verificationGrade: event.retracted ? 'retracted' : 'single_source',
            retractedAt: event.retracted ? new Date('2024-03-01T00:00:00Z') : null,
            internalNotes: canary(`event${eventIndex}.internalNotes`),
          })
          .returning({ id: timelineEvents.id });
        const eventId = created!.id;
        await tx.insert(timelineEventPeople).values(personIds.map((personId) => ({ eventId, personId })));
        await tx.insert(timelineEventSources).values(sourceIds.map((sourceId) => ({ eventId, sourceId })));
        if (event.correction) {
          await tx.insert(eventCorrections).values({
            eventId,
            kind: event.correction,
            publicReason: publicText('correction.publicReason', 'The date was wrong.'),
            internalNote: canary(`event${eventIndex}.correction.internalNote`),
            createdByUserId: author!.id,
          });
        }
        if (event.pendingPublication && !visible) {
          await tx.insert(publicationRequests).values({ caseId, eventId, requestedByUserId: author!.id, note: canary(`event${eventIndex}.publicationNote`) });
        }
        await tx.insert(recordVersions).values({
          entityType: 'event',
          entityId: eventId,
          caseId,
          version: 1,
          changeKind: 'created',
          snapshot: { title: canary(`event${eventIndex}.history`) },
          changedByUserId: author!.id,
        });
      }
      await tx.insert(publicationRequests).values({ caseId, requestedByUserId: author!.id, note: canary('case.publicationNote'), status: 'approved' });
      await tx.insert(recordVersions).values({
        entityType: 'case',
        entityId: caseId,
        caseId,
        version: 1,
        changeKind: 'created',
        snapshot: { internalNotes: canary('case.history') },
        changedByUserId: author!.id,
      });
    });
    expected.push({ slug, isPublic, publicEventTitles });
  }
  // Written as rows, as a database from before snapshots holds them: the upgrade publishes them as they stand.
  await db.transaction((tx) => publishCasesAsTheyStand(tx));
  return expected;
}

const labels = { verification: (event: { verification: string }) => event.verification, notice: (event: { notice: { reason: string } | null }) => event.notice?.reason ?? null };

describeEachEngine('generated leak test', ({ db }) => {
  let expected: Expected[] = [];
  beforeAll(async () => {
    const specs = fc.sample(generatedCase, { numRuns: CASE_COUNT, seed: 20171101 });
    expected = await insertGeneratedCases(db(), specs);
  }, 600_000);

  it(`builds ${CASE_COUNT} cases, public and hidden`, () => {
    expect(expected).toHaveLength(CASE_COUNT);
    expect(expected.filter((item) => item.isPublic).length).toBeGreaterThan(20);
    expect(expected.filter((item) => !item.isPublic).length).toBeGreaterThan(20);
  });

  it('the public list, every case, its JSON and its feed carry no canary, and every public event', async () => {
    const listed = await listPublicCases();
    expect(JSON.stringify(listed)).not.toContain(MARKER);
    expect(listed.map((item) => item.slug).sort()).toEqual(expected.filter((item) => item.isPublic).map((item) => item.slug).sort());
    const publicCases: PublicCase[] = [];
    for (const item of expected) {
      const publicCase = await getPublicCase(item.slug);
      if (!item.isPublic) {
        expect(publicCase, item.slug).toBeNull();
        continue;
      }
      expect(publicCase, item.slug).not.toBeNull();
      publicCases.push(publicCase!);
      expect(JSON.stringify({ case: publicCase }), item.slug).not.toContain(MARKER);
      expect(publicCase!.timeline.map((event) => event.title).sort()).toEqual([...item.publicEventTitles].sort());
      const feed = buildAtomFeed({ id: 'urn:test', title: 'Test', selfUrl: 'https://vigil.test/feed.xml', pageUrl: 'https://vigil.test/', cases: [{ publicCase: publicCase!, pageUrl: 'https://vigil.test/c' }], labels });
      expect(feed, item.slug).not.toContain(MARKER);
    }
    const allFeed = buildAtomFeed({
      id: 'urn:test',
      title: 'Test',
      selfUrl: 'https://vigil.test/feed.xml',
      pageUrl: 'https://vigil.test/',
      cases: publicCases.map((publicCase) => ({ publicCase, pageUrl: `https://vigil.test/cases/${publicCase.slug}` })),
      labels,
    });
    expect(allFeed).not.toContain(MARKER);
    expect((allFeed.match(/<entry>/g) ?? []).length).toBe(expected.reduce((sum, item) => sum + item.publicEventTitles.length, 0));
  });
});
