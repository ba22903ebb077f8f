/**
 * Demo data: one case written from the public facts of Lee Tae-won's family (as reported by CNN in
 * late 2017), and clearly fictional cases that show the other statuses and what stays private.
 * Internal notes, unnamed sources and internal events are here on purpose: the demo shows them to
 * staff and proves the public never sees them.
 */
import { count } from 'drizzle-orm';
import { computeVerificationGrade, type GradedSource } from '../lib/cases/verification';
import type { Database, Transaction } from './client';
import {
  casePeople,
  cases,
  sources,
  timelineEventPeople,
  timelineEventSources,
  timelineEvents,
} from './schema';

type NewEvent = Omit<typeof timelineEvents.$inferInsert, 'caseId'> & { people?: string[]; sourceKeys?: string[] };

export const DEMO_CASE_SLUG = 'mother-and-son-returned-2017';

export async function seedDemoDataIfEmpty(db: Database): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(cases);
  if ((existing?.n ?? 0) > 0) return false;
  await seedDemoData(db);
  return true;
}

export async function seedDemoData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const sourceIds = new Map<string, GradedSource>();
    const sourceRows = await tx
      .insert(sources)
      .values([
        {
          kind: 'media',
          publicAttribution: 'CNN, November 2017',
          mayBeNamed: true,
          name: 'CNN',
          // CNN reported what the husband told them: one line of evidence with his own account.
          origin: 'lee-tae-won',
        },
        {
          kind: 'family',
          publicAttribution: 'the husband and father, in public interviews',
          mayBeNamed: true,
          name: 'Lee Tae-won',
          origin: 'lee-tae-won',
        },
        {
          kind: 'informant_north_korea',
          publicAttribution: 'a source inside North Korea',
          mayBeNamed: false,
          name: 'Contact S-17 (Sinuiju border guard family)',
          internalNotes: 'Reached through a broker in Dandong. Never call; messages via courier only.',
        },
        {
          kind: 'informant_north_korea',
          publicAttribution: 'a second, independent source inside North Korea',
          mayBeNamed: false,
          name: 'Contact H-4 (Hyesan trader)',
          internalNotes: 'Independent of S-17: different province, different relay.',
        },
        {
          kind: 'informant_china',
          publicAttribution: 'a source in China',
          mayBeNamed: false,
          name: 'Broker D. in Dandong',
          internalNotes: 'Paid for the crossing attempt. Unreliable on dates.',
        },
      ])
      .returning({ id: sources.id, kind: sources.kind, mayBeNamed: sources.mayBeNamed, origin: sources.origin });
    ['cnn', 'husband', 'sinuiju', 'second', 'broker'].forEach((key, index) => {
      sourceIds.set(key, sourceRows[index]!);
    });

    await insertCase(tx, sourceIds, {
      record: {
        slug: DEMO_CASE_SLUG,
        title: 'A mother and her four-year-old son, caught in China and sent back',
        publicSummary:
          'A North Korean defector who reached South Korea in 2015 arranged in October 2017 for his wife ' +
          'and four-year-old son to be smuggled out of North Korea. They were caught in northeast China ' +
          'with eight other defectors. He appealed publicly to President Xi Jinping not to send them back. ' +
          'A source inside North Korea says his wife was handed back and is held for interrogation in ' +
          'Sinuiju; a second source confirmed she is back in North Korea. The boy’s fate is unknown.',
        internalNotes:
          'Family asked that the wife’s home county never be published: relatives still live there.',
        urgency: 'critical',
        lifecycle: 'published',
        publicityMode: 'public_campaign',
        familyConsentStatus: 'granted',
        familyConsentRecordedOn: '2017-11-20',
        nextReviewOn: '2027-01-15',
        publishedAt: new Date('2017-11-21T09:00:00Z'),
      },
      people: {
        father: {
          publicAlias: 'Lee Tae-won',
          relation: 'principal',
          custodyStatus: 'reached_safety',
          custodyPlace: 'Seoul',
          custodyAsOf: '2015-01-01',
          custodyAsOfPrecision: 'year',
          internalNotes: 'Speaks publicly under this name; prefers contact through the church in Seoul.',
          displayOrder: 0,
        },
        wife: {
          publicAlias: 'Mrs. Lee',
          relation: 'wife',
          custodyStatus: 'interrogation_state_security',
          custodyPlace: 'Sinuiju',
          custodyAsOf: '2017-11-01',
          custodyAsOfPrecision: 'month',
          internalNotes: 'Health: needs daily medication, per the husband.',
          displayOrder: 1,
        },
        son: {
          publicAlias: 'Their son',
          relation: 'son',
          birthYear: 2013,
          birthYearApproximate: true,
          isMinor: true,
          custodyStatus: 'unknown',
          custodyAsOf: '2017-11-01',
          custodyAsOfPrecision: 'month',
          internalNotes: 'Unconfirmed: may have been placed with relatives after the handover.',
          displayOrder: 2,
        },
      },
      events: [
        {
          occurredOn: '2015-01-01',
          occurredPrecision: 'year',
          eventType: 'arrival',
          title: 'Lee Tae-won reaches South Korea',
          description: 'He escapes North Korea and resettles in South Korea, leaving his wife and son behind.',
          place: 'South Korea',
          visibility: 'public',
          people: ['father'],
          sourceKeys: ['cnn'],
        },
        {
          occurredOn: '2017-10-01',
          occurredPrecision: 'month',
          eventType: 'escape',
          title: 'Wife and four-year-old son smuggled out of North Korea',
          description: 'He arranges and pays for a broker to bring his wife and son across the border into China.',
          visibility: 'public',
          people: ['wife', 'son'],
          sourceKeys: ['husband'],
        },
        {
          occurredOn: '2017-11-01',
          occurredPrecision: 'month',
          eventType: 'arrest',
          title: 'Caught in northeast China with eight other defectors',
          description: 'Chinese police detain the mother and son together with eight other North Koreans.',
          place: 'Northeast China',
          visibility: 'public',
          people: ['wife', 'son'],
          sourceKeys: ['cnn', 'husband'],
        },
        {
          occurredOn: '2017-11-01',
          occurredPrecision: 'month',
          eventType: 'appeal',
          title: 'Public appeal to President Xi Jinping',
          description: 'Lee Tae-won asks China’s president not to send his wife and son back to North Korea.',
          visibility: 'public',
          people: ['father'],
          sourceKeys: ['cnn'],
        },
        {
          occurredOn: '2017-11-01',
          occurredPrecision: 'month',
          eventType: 'repatriation',
          title: 'Wife handed over to North Korea and held for interrogation in Sinuiju',
          description:
            'A source inside North Korea reports that she was handed back across the border and is being ' +
            'interrogated by state security in Sinuiju.',
          place: 'Sinuiju',
          visibility: 'public',
          people: ['wife'],
          sourceKeys: ['sinuiju'],
        },
        {
          occurredOn: '2017-11-01',
          occurredPrecision: 'month',
          eventType: 'report',
          title: 'A second source confirms she is back in North Korea',
          description: 'An independent source confirms that she has been returned to North Korea.',
          visibility: 'public',
          people: ['wife'],
          sourceKeys: ['sinuiju', 'second'],
        },
        {
          occurredOn: '2017-11-01',
          occurredPrecision: 'month',
          eventType: 'report',
          title: 'Broker says the son may be held apart from his mother',
          description: 'The broker who arranged the crossing says the boy was separated from his mother after the arrest.',
          internalNotes: 'Do not publish: would identify the broker’s route.',
          visibility: 'internal',
          people: ['son'],
          sourceKeys: ['broker'],
        },
        {
          occurredOn: '2017-11-01',
          occurredPrecision: 'month',
          eventType: 'advocacy',
          title: 'Demonstration outside the Chinese embassy in Seoul',
          description: 'Lee Tae-won speaks at a demonstration calling on China to stop sending defectors back.',
          place: 'Seoul',
          visibility: 'public',
          people: ['father'],
          sourceKeys: ['cnn'],
        },
      ],
    });

    await insertCase(tx, sourceIds, {
      record: {
        slug: 'fictional-student-shenyang',
        title: 'Fictional example: a student detained in Shenyang',
        publicSummary:
          'This case is invented to show how Vigil presents a person detained in China awaiting repatriation.',
        urgency: 'high',
        lifecycle: 'published',
        publicityMode: 'public_campaign',
        familyConsentStatus: 'granted',
        familyConsentRecordedOn: '2026-10-02',
        publishedAt: new Date('2026-10-03T08:00:00Z'),
      },
      people: {
        student: {
          publicAlias: 'Student A',
          relation: 'principal',
          birthYear: 2004,
          custodyStatus: 'detained_in_china',
          custodyPlace: 'Shenyang',
          custodyAsOf: '2026-10-01',
          custodyAsOfPrecision: 'day',
        },
      },
      events: [
        {
          occurredOn: '2026-09-20',
          eventType: 'arrest',
          title: 'Detained at a checkpoint outside Shenyang',
          visibility: 'public',
          people: ['student'],
        },
      ],
    });

    await insertCase(tx, sourceIds, {
      record: {
        slug: 'fictional-grandmother-safe',
        title: 'Fictional example: a grandmother who reached safety',
        publicSummary: 'This case is invented to show a case that ended well.',
        urgency: 'low',
        lifecycle: 'published',
        publicityMode: 'public_campaign',
        familyConsentStatus: 'granted',
        familyConsentRecordedOn: '2025-03-02',
        publishedAt: new Date('2025-03-03T08:00:00Z'),
      },
      people: {
        grandmother: {
          publicAlias: 'Grandmother C',
          relation: 'principal',
          birthYear: 1950,
          birthYearApproximate: true,
          custodyStatus: 'reached_safety',
          custodyAsOf: '2025-06-01',
          custodyAsOfPrecision: 'month',
        },
      },
      events: [
        {
          occurredOn: '2024-01-01',
          occurredPrecision: 'approximate',
          eventType: 'escape',
          title: 'Leaves North Korea',
          visibility: 'public',
          people: ['grandmother'],
        },
        {
          occurredOn: '2025-06-01',
          occurredPrecision: 'month',
          eventType: 'arrival',
          title: 'Arrives in South Korea',
          visibility: 'public',
          people: ['grandmother'],
        },
      ],
    });

    await insertCase(tx, sourceIds, {
      record: {
        slug: 'fictional-quiet-case',
        title: 'Fictional example: a case handled by quiet advocacy',
        publicSummary: 'Never shown publicly: the family asked for quiet diplomacy only.',
        internalNotes: 'Quiet advocacy through the consulate only.',
        urgency: 'critical',
        lifecycle: 'published',
        publicityMode: 'quiet_advocacy',
        familyConsentStatus: 'refused',
      },
      people: {
        worker: {
          publicAlias: 'Worker D',
          relation: 'principal',
          custodyStatus: 'labour_training_camp',
          custodyAsOf: '2026-08-01',
          custodyAsOfPrecision: 'month',
        },
      },
      events: [],
    });

    await insertCase(tx, sourceIds, {
      record: {
        slug: 'fictional-draft-case',
        title: 'Fictional example: a case still being documented',
        publicSummary: 'A draft: not yet public.',
        urgency: 'moderate',
        lifecycle: 'draft',
        publicityMode: 'public_campaign',
        familyConsentStatus: 'pending',
      },
      people: {
        fisherman: {
          publicAlias: 'Fisherman E',
          relation: 'principal',
          custodyStatus: 'prison',
        },
      },
      events: [],
    });
    // The demo cases were written as rows; they go public as they stand, as approved snapshots would.
    const { publishCasesAsTheyStand } = await import('../lib/cases/first-snapshots');
    await publishCasesAsTheyStand(tx, { userId: null, email: 'system:demo-seed', ip: '' });
  });
  await (await import('./seed-targets')).seedTargets(db);
  await (await import('./seed-petitions')).seedDemoPetitions(db, DEMO_CASE_SLUG);
  // The demo petition's text goes public with its case, as an approved publication would put it.
  const { publishPetitionTextsAsTheyStand } = await import('../lib/cases/first-snapshots');
  await db.transaction((tx) => publishPetitionTextsAsTheyStand(tx, { userId: null, email: 'system:demo-seed', ip: '' }).then(() => undefined));
}


async function insertCase(
  tx: Transaction,
  sourceIds: Map<string, GradedSource>,
  input: {
    record: typeof cases.$inferInsert;
    people: Record<string, Omit<typeof casePeople.$inferInsert, 'caseId'>>;
    events: NewEvent[];
  },
): Promise<void> {
  // Demo records carry the date they were published, so "last updated" reads as it would have then.
  const stamped = input.record.publishedAt
    ? { createdAt: input.record.publishedAt, updatedAt: input.record.publishedAt }
    : {};
  const [created] = await tx
    .insert(cases)
    .values({ ...input.record, ...stamped })
    .returning({ id: cases.id });
  const caseId = created!.id;
  const personIds = new Map<string, string>();
  for (const [key, person] of Object.entries(input.people)) {
    const [row] = await tx
      .insert(casePeople)
      .values({ ...person, ...stamped, caseId })
      .returning({ id: casePeople.id });
    personIds.set(key, row!.id);
  }
  for (const { people = [], sourceKeys = [], ...event } of input.events) {
    const [row] = await tx
      .insert(timelineEvents)
      // Grades are computed from the sources, as the console computes them, never typed.
      .values({
        ...event,
        ...stamped,
        caseId,
        verificationGrade: computeVerificationGrade({
          retracted: false,
          disputed: false,
          sources: sourceKeys.map((key) => sourceIds.get(key)!),
        }),
      })
      .returning({ id: timelineEvents.id });
    const eventId = row!.id;
    if (people.length > 0) {
      await tx
        .insert(timelineEventPeople)
        .values(people.map((key) => ({ eventId, personId: personIds.get(key)! })));
    }
    if (sourceKeys.length > 0) {
      await tx
        .insert(timelineEventSources)
        .values(sourceKeys.map((key) => ({ eventId, sourceId: sourceIds.get(key)!.id })));
    }
  }
}
