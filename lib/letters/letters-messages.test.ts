import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const load = (locale: string) => JSON.parse(fs.readFileSync(path.join(process.cwd(), 'messages', locale, 'letters.json'), 'utf8')) as { letters: { errors: Record<string, unknown> } };

describe('letters message catalogs', () => {
  it('have the same keys in English and Korean', () => {
    expect(keys(load('ko')).sort()).toEqual(keys(load('en')).sort());
  });

  it('put every error the letters and targets code can return into words', () => {
    const errors = load('en').letters.errors;
    const used = new Set<string>();
    const problems = new Set<string>();
    for (const folder of ['letters', 'targets']) {
      const root = path.join(process.cwd(), 'lib', folder);
      for (const file of fs.readdirSync(root)) {
        if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
        const text = fs.readFileSync(path.join(root, file), 'utf8');
        for (const match of text.matchAll(/(?:fieldError\('\w+', |error: |message: )'(\w+)'/g)) used.add(match[1]!);
        for (const match of text.matchAll(/problem\('(\w+)'/g)) problems.add(match[1]!);
        for (const match of text.matchAll(/code: '(\w+Field|tooLong)'/g)) used.add(`templateProblem.${match[1]}`);
      }
    }
    expect(used.size).toBeGreaterThan(15);
    expect(problems.size).toBeGreaterThan(4);
    const known = keys(errors);
    expect([...used].filter((key) => !known.includes(key))).toEqual([]);
    expect([...problems].filter((kind) => !known.includes(`csvProblem.${kind}`))).toEqual([]);
  });
});
