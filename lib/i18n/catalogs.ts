/**
 * The message catalogs for code that translates outside React (mails, posters, preview cards, the
 * CLIs): read from messages/<locale>/ once per process, for whichever locales lib/i18n/locales.ts
 * lists, so a new language needs no import here. Typed as English: the key-parity test
 * (messages/catalogs.test.ts) holds every other language to the same keys and arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from './locales';
import type advocacy from '@/messages/en/advocacy.json';
import type letters from '@/messages/en/letters.json';
import type petitions from '@/messages/en/petitions.json';
import type publicCatalog from '@/messages/en/public.json';
import type staff from '@/messages/en/staff.json';

export interface Catalogs {
  advocacy: typeof advocacy;
  letters: typeof letters;
  petitions: typeof petitions;
  public: typeof publicCatalog;
  staff: typeof staff;
}
export type CatalogName = keyof Catalogs;

const loaded = new Map<string, unknown>();

export function messageCatalog<Name extends CatalogName>(locale: Locale, name: Name): Catalogs[Name] {
  const key = `${locale}/${name}`;
  let catalog = loaded.get(key);
  if (!catalog) {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), 'messages', locale, `${name}.json`);
    catalog = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    loaded.set(key, catalog);
  }
  return catalog as Catalogs[Name];
}
