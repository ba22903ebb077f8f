import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const load = (locale: string) => JSON.parse(fs.readFileSync(path.join(process.cwd(), 'messages', locale, 'advocacy.json'), 'utf8')) as unknown;

describe('advocacy message catalogs', () => {
  it('have the same keys in English and Korean', () => {
    expect(keys(load('ko')).sort()).toEqual(keys(load('en')).sort());
  });

  it('translate every error key the case code can return', () => {
    const errors = Object.keys((load('en') as { advocacy: { errors: Record<string, string> } }).advocacy.errors);
    const used = new Set<string>();
    for (const file of fs.readdirSync(__dirname)) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = fs.readFileSync(path.join(__dirname, file), 'utf8');
      const patterns = [/(?:error: |message: |fieldError\('\w+', |\{ error: )'(\w+)'/g, /\]: '(\w+)' \}/g];
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) used.add((match[1] ?? match[2])!);
      // The publication gate's refusals (a union type) reach the form as field errors.
      for (const union of text.matchAll(/type PublicationRefusal =\s*([^;]+);/g)) for (const key of union[1]!.matchAll(/'(\w+)'/g)) used.add(key[1]!);
    }
    // Gate refusals are returned as field errors too.
    for (const refusal of ['consentRequired', 'notPublicCampaign', 'recordInvalid', 'changedSinceReview', 'changedSinceRequest', 'rejectionReasonRequired']) expect(used, refusal).toContain(refusal);
    expect([...used].filter((key) => !errors.includes(key))).toEqual([]);
  });
});
