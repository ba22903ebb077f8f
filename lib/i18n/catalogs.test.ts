import fs from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { BRAND_NAME } from '@/lib/brand';
import { messageCatalog } from './catalogs';
import { DEFAULT_LOCALE, LOCALES } from './locales';

// Every language is held to English: the same files, the same nested keys, and messages that parse
// as ICU and take the same arguments (a missing {date} or a select without a case shows as a hole).
const root = path.join(process.cwd(), 'messages');
const catalogFiles = fs.readdirSync(path.join(root, DEFAULT_LOCALE)).filter((file) => file.endsWith('.json')).sort();

function load(locale: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(root, locale, file), 'utf8')) as unknown;
}

/** Every leaf as [dotted key, message]. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

/**
 * The arguments a message takes, and the cases of each select ("kind:select[retraction,other]"). How a
 * number is worded is the language's own: Korean may print {count, number} where English needs a plural.
 */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.add(element.value);
        break;
      case TYPE.select:
        found.add(`${element.value}:select[${Object.keys(element.options).sort().join(',')}]`);
        for (const option of Object.values(element.options)) argumentsOf(option.value, found);
        break;
      case TYPE.plural:
        // Plural categories differ by language (Chinese has only "other"): only the argument must match.
        found.add(element.value);
        for (const option of Object.values(element.options)) argumentsOf(option.value, found);
        break;
      case TYPE.tag:
        found.add(`<${element.value}>`);
        argumentsOf(element.children, found);
        break;
      default:
        break;
    }
  }
  return found;
}

function signature(message: unknown): string[] {
  if (typeof message !== 'string') throw new Error(`not a string: ${JSON.stringify(message)}`);
  return [...argumentsOf(parse(message))].sort();
}

describe('message catalogs', () => {
  it('exist for exactly the languages lib/i18n/locales.ts lists', () => {
    const folders = fs.readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.sort()).toEqual([...LOCALES].sort());
    expect(catalogFiles.length).toBeGreaterThanOrEqual(5);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      it('has the same files as English', () => {
        expect(fs.readdirSync(path.join(root, locale)).filter((file) => file.endsWith('.json')).sort()).toEqual(catalogFiles);
      });

      for (const file of catalogFiles) {
        it(`${file}: has exactly the keys of English`, () => {
          const keys = leaves(load(locale, file)).map(([key]) => key);
          const english = leaves(load(DEFAULT_LOCALE, file)).map(([key]) => key);
          expect({ missing: english.filter((key) => !keys.includes(key)), extra: keys.filter((key) => !english.includes(key)) }).toEqual({ missing: [], extra: [] });
        });

        it(`${file}: every message parses and takes the arguments of English`, () => {
          const english = new Map(leaves(load(DEFAULT_LOCALE, file)));
          const problems: string[] = [];
          for (const [key, message] of leaves(load(locale, file))) {
            let own: string[];
            try {
              own = signature(message);
            } catch (error) {
              problems.push(`${key}: ${(error as Error).message}`);
              continue;
            }
            if (!english.has(key)) continue;
            const expected = signature(english.get(key));
            if (own.join(' ') !== expected.join(' ')) problems.push(`${key}: takes ${own.join(' ') || 'nothing'}, English ${expected.join(' ') || 'nothing'}`);
          }
          expect(problems).toEqual([]);
        });
      }
    });
  }

  it('name the product the same in every language', () => {
    const occurrences = (message: unknown) => (typeof message === 'string' ? message.split(BRAND_NAME).length - 1 : 0);
    const problems: string[] = [];
    for (const file of catalogFiles) {
      const english = new Map(leaves(load(DEFAULT_LOCALE, file)));
      for (const locale of LOCALES) {
        for (const [key, message] of leaves(load(locale, file))) {
          if (occurrences(message) !== occurrences(english.get(key))) problems.push(`${locale}/${file} ${key}: ${String(message)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    for (const locale of LOCALES) expect(messageCatalog(locale, 'public').site.name).toBe(BRAND_NAME);
  });

  it('are what the catalogs outside React read, in each language', () => {
    expect(messageCatalog('zh', 'public').site.skipToContent).toBe((load('zh', 'public.json') as { site: { skipToContent: string } }).site.skipToContent);
    expect(messageCatalog('ko', 'petitions').petition.signTitle).not.toBe(messageCatalog('en', 'petitions').petition.signTitle);
  });
});
