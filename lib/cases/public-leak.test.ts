import { expect, it } from 'vitest';
import { seedDemoData } from '@/db/seed';
import { describeEachEngine } from '@/db/testing';
import {
  CANARY_HIDDEN_SLUGS,
  CANARY_MARKER,
  CANARY_PUBLIC_SLUG,
  insertCanaryCases,
} from '@/e2e/fixtures/canary-cases';
import { getPublicCase } from './get-public-case';
import { listPublicCases } from './list-public-cases';

describeEachEngine(
  'public projection leaks nothing private',
  () => {
    it('the list carries no canary and no hidden case', async () => {
      const listed = await listPublicCases();
      expect(listed.map((item) => item.slug)).toContain(CANARY_PUBLIC_SLUG);
      expect(JSON.stringify(listed)).not.toContain(CANARY_MARKER);
    });

    it('the public case carries its public event and source attribution, and no canary', async () => {
      const publicCase = await getPublicCase(CANARY_PUBLIC_SLUG);
      expect(publicCase?.timeline.map((event) => event.title)).toEqual(['A public event']);
      expect(publicCase?.timeline[0]?.sources.map((source) => source.attribution)).toEqual([
        'a source in China',
        'a newspaper',
      ]);
      expect(JSON.stringify(publicCase)).not.toContain(CANARY_MARKER);
    });

    it('hidden cases are unknown', async () => {
      for (const slug of Object.values(CANARY_HIDDEN_SLUGS)) {
        expect(await getPublicCase(slug)).toBeNull();
      }
    });
  },
  async (db) => {
    await seedDemoData(db);
    await insertCanaryCases(db);
  },
);
