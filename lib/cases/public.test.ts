import { expect, it } from 'vitest';
import { describeEachEngine } from '@/db/testing';
import { DEMO_CASE_SLUG, seedDemoData } from '@/db/seed';
import { getPublicCase } from './get-public-case';
import { listPublicCases } from './list-public-cases';

describeEachEngine(
  'public case projection on the demo data',
  () => {
    it('lists only published public campaigns, most urgent first', async () => {
      const cases = await listPublicCases();
      expect(cases.map((item) => item.slug)).toEqual([
        DEMO_CASE_SLUG,
        'fictional-student-shenyang',
        'fictional-grandmother-safe',
      ]);
    });

    it('returns null for a draft, a quiet-advocacy case and an unknown slug', async () => {
      expect(await getPublicCase('fictional-draft-case')).toBeNull();
      expect(await getPublicCase('fictional-quiet-case')).toBeNull();
      expect(await getPublicCase('no-such-case')).toBeNull();
    });

    it('tells the demo case with the wife held in Sinuiju and only public events, in date order', async () => {
      const demo = await getPublicCase(DEMO_CASE_SLUG);
      expect(demo).not.toBeNull();
      const wife = demo!.people.find((person) => person.relation === 'wife');
      expect(wife).toMatchObject({
        custodyStatus: 'interrogation_state_security',
        custodyPlace: 'Sinuiju',
        custodyAsOf: { date: '2017-11-01', precision: 'month' },
      });
      const dates = demo!.timeline.map((event) => event.occurred.date);
      expect(dates).toEqual([...dates].sort());
      expect(demo!.timeline.map((event) => event.title)).not.toContain(
        'Broker says the son may be held apart from his mother',
      );
      expect(demo!.timeline).toHaveLength(7);
    });

    it('shows confidential sources by attribution only, and named sources by name', async () => {
      const demo = await getPublicCase(DEMO_CASE_SLUG);
      const allSources = demo!.timeline.flatMap((event) => event.sources);
      const insider = allSources.find((source) => source.attribution === 'a source inside North Korea');
      expect(insider).toEqual({
        kind: 'informant_north_korea',
        attribution: 'a source inside North Korea',
        name: null,
        url: null,
      });
      expect(allSources.find((source) => source.kind === 'media')?.name).toBe('CNN');
      expect(JSON.stringify(demo)).not.toContain('Contact S-17');
    });
  },
  seedDemoData,
);
