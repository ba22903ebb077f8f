import fs from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';

type Catalog = Record<string, unknown>;
const load = (locale: string) => JSON.parse(fs.readFileSync(path.join(process.cwd(), 'messages', locale, 'petitions.json'), 'utf8')) as Catalog;

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Catalog).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('petition message catalogs', () => {
  it('have the same keys in English and Korean', () => {
    expect(keys(load('ko')).sort()).toEqual(keys(load('en')).sort());
  });

  it('translate every error key the petition code can return', () => {
    const en = load('en') as { petitionErrors: Catalog; petitionConsole: { errors: Catalog } };
    const known = new Set([...Object.keys(en.petitionErrors), ...Object.keys(en.petitionConsole.errors)]);
    const used = new Set<string>();
    for (const file of fs.readdirSync(__dirname)) {
      // The signing route (app/api) answers partners with API codes (closed, …), not catalog keys.
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = fs.readFileSync(path.join(__dirname, file), 'utf8');
      for (const match of text.matchAll(/(?:error: |message: |fieldError\('\w+', )'(\w+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });

  it('count set-aside signatures with the plural rules of each language', () => {
    const setAside = (locale: 'en' | 'ko', count: number) => {
      // The catalogs are read as plain JSON here, so the translator is untyped.
      const t = createTranslator({ locale, messages: load(locale) as never }) as unknown as (key: string, values: { count: number }) => string;
      return t('petitionConsole.invalidated_done', { count });
    };
    expect([1, 2, 1000].map((count) => setAside('en', count))).toEqual(['1 signature set aside', '2 signatures set aside', '1,000 signatures set aside']);
    expect([1, 2].map((count) => setAside('ko', count))).toEqual(['서명 1건 제외', '서명 2건 제외']);
  });
});
