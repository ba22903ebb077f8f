import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const load = (locale: string) => JSON.parse(fs.readFileSync(path.join(process.cwd(), 'messages', locale, 'staff.json'), 'utf8')) as unknown;

describe('staff message catalogs', () => {
  it('have the same keys in English and Korean', () => {
    expect(keys(load('ko')).sort()).toEqual(keys(load('en')).sort());
  });

  it('translate every error key the staff code can return', () => {
    const errors = Object.keys((load('en') as { staff: { errors: Record<string, string> } }).staff.errors);
    const root = path.join(process.cwd(), 'lib');
    const used = new Set<string>();
    // The staff catalog serves accounts, users, settings and the audit log; other areas keep their own
    // catalogs and their own tests (e.g. lib/cases/advocacy-messages.test.ts).
    const staffDomains = ['account', 'actions', 'audit', 'auth', 'console', 'mail', 'security', 'settings', 'users'];
    for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || !staffDomains.includes(file.split(path.sep)[0]!)) continue;
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const match of text.matchAll(/(?:error: |fieldError\('\w+', |\{ error: )'(\w+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((key) => !errors.includes(key))).toEqual([]);
  });
});
