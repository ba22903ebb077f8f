/**
 * Cases whose every private field holds a canary: a marker that must never reach a public page,
 * feed or JSON response. Used by the data-layer leak test and the end-to-end leak test.
 */
import type { Database } from '@/db/client';
import {
  casePeople,
  cases,
  sources,
  timelineEventPeople,
  timelineEventSources,
  timelineEvents,
} from '@/db/schema';
import { insertCanaryCaseRecords } from './canary-case-records';
import { insertCanaryPetition } from './canary-petitions';

/** Every canary contains this marker, so one search finds any of them. */
export const CANARY_MARKER = 'QXCANARYQX';
const canary = (field: string) => `${CANARY_MARKER}-${field}`;

export const CANARY_PUBLIC_SLUG = 'canary-public-case';
/** Cases that must answer 404 everywhere: their slugs are canaries in their own right. */
export const CANARY_HIDDEN_SLUGS = {
  quietAdvocacy: 'canary-hidden-quiet',
  internalOnly: 'canary-hidden-internal',
  draft: 'canary-hidden-draft',
} as const;

export async function insertCanaryCases(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const [publicCase] = await tx
      .insert(cases)
      .values({
        slug: CANARY_PUBLIC_SLUG,
        title: 'Leak test: a public case with private fields',
        publicSummary: 'Everything private about this case is a canary.',
        internalNotes: canary('case.internalNotes'),
        urgency: 'low',
        lifecycle: 'published',
        publicityMode: 'public_campaign',
        familyConsentStatus: 'granted',
        publishedAt: new Date('2020-01-01T00:00:00Z'),
      })
      .returning({ id: cases.id });
    const caseId = publicCase!.id;
    const [person] = await tx
      .insert(casePeople)
      .values({
        caseId,
        publicAlias: 'Canary person',
        legalName: canary('person.legalName'),
        relation: 'principal',
        custodyStatus: 'prison',
        internalNotes: canary('person.internalNotes'),
      })
      .returning({ id: casePeople.id });
    const [confidential, named] = await tx
      .insert(sources)
      .values([
        {
          kind: 'informant_china',
          publicAttribution: 'a source in China',
          mayBeNamed: false,
          name: canary('source.name'),
          url: `https://example.org/${canary('source.url')}`,
          internalNotes: canary('source.internalNotes'),
        },
        {
          kind: 'media',
          publicAttribution: 'a newspaper',
          mayBeNamed: true,
          name: 'The Daily Example',
          internalNotes: canary('namedSource.internalNotes'),
        },
      ])
      .returning({ id: sources.id });
    const [publicEvent, internalEvent] = await tx
      .insert(timelineEvents)
      .values([
        {
          caseId,
          occurredOn: '2020-01-01',
          eventType: 'arrest',
          title: 'A public event',
          visibility: 'public',
          internalNotes: canary('publicEvent.internalNotes'),
        },
        {
          caseId,
          occurredOn: '2020-02-01',
          eventType: 'transfer',
          title: canary('internalEvent.title'),
          description: canary('internalEvent.description'),
          place: canary('internalEvent.place'),
          visibility: 'internal',
          internalNotes: canary('internalEvent.internalNotes'),
        },
      ])
      .returning({ id: timelineEvents.id });
    await tx.insert(timelineEventPeople).values([
      { eventId: publicEvent!.id, personId: person!.id },
      { eventId: internalEvent!.id, personId: person!.id },
    ]);
    await tx.insert(timelineEventSources).values([
      { eventId: publicEvent!.id, sourceId: confidential!.id },
      { eventId: publicEvent!.id, sourceId: named!.id },
      { eventId: internalEvent!.id, sourceId: confidential!.id },
    ]);
    await insertCanaryPetition(tx, caseId, CANARY_PUBLIC_SLUG, canary);
    await insertCanaryCaseRecords(
      tx,
      { caseId, personId: person!.id, publicEventId: publicEvent!.id, internalEventId: internalEvent!.id, sourceIds: [confidential!.id, named!.id] },
      canary,
    );

    const hidden = [
      { slug: CANARY_HIDDEN_SLUGS.quietAdvocacy, lifecycle: 'published', publicityMode: 'quiet_advocacy' },
      { slug: CANARY_HIDDEN_SLUGS.internalOnly, lifecycle: 'published', publicityMode: 'internal_only' },
      { slug: CANARY_HIDDEN_SLUGS.draft, lifecycle: 'draft', publicityMode: 'public_campaign' },
    ] as const;
    for (const { slug, lifecycle, publicityMode } of hidden) {
      const [row] = await tx
        .insert(cases)
        .values({
          slug,
          title: canary(`${slug}.title`),
          publicSummary: canary(`${slug}.summary`),
          internalNotes: canary(`${slug}.internalNotes`),
          lifecycle,
          publicityMode,
        })
        .returning({ id: cases.id });
      const [hiddenPerson] = await tx
        .insert(casePeople)
        .values({ caseId: row!.id, publicAlias: canary(`${slug}.alias`), relation: 'principal' })
        .returning({ id: casePeople.id });
      const [hiddenEvent] = await tx
        .insert(timelineEvents)
        .values({
          caseId: row!.id,
          occurredOn: '2021-01-01',
          eventType: 'report',
          title: canary(`${slug}.publicEvent`),
          visibility: 'public',
        })
        .returning({ id: timelineEvents.id });
      await tx.insert(timelineEventPeople).values({ eventId: hiddenEvent!.id, personId: hiddenPerson!.id });
    }
  });
}
