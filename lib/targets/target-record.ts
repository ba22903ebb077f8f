/** A directory entry as staff see it, and the conversions between form fields, rows and CSV. */
import type { LetterLanguage } from './vocabulary';
import type { TargetFields } from './schemas';
import { TARGET_CSV_COLUMNS, type TargetCsvColumn, type TargetKind, type TargetStatus } from './vocabulary';

export interface TargetRecord {
  id: string;
  key: string;
  kind: TargetKind;
  nameEn: string;
  nameLocal: string;
  nameZh: string;
  representsCountry: string;
  hostCountry: string;
  city: string;
  addressLines: string;
  email: string;
  fax: string;
  phone: string;
  website: string;
  webFormUrl: string;
  headTitle: string;
  salutationEn: string;
  salutationKo: string;
  salutationZh: string;
  preferredLanguages: LetterLanguage[];
  sourceUrl: string;
  sourceNotes: string;
  verifiedOn: string | null;
  status: TargetStatus;
  updatedAt: string;
}

const COLUMN_FIELDS: Record<TargetCsvColumn, keyof TargetFields> = {
  key: 'key',
  kind: 'kind',
  name_en: 'nameEn',
  name_local: 'nameLocal',
  name_zh: 'nameZh',
  represents_country: 'representsCountry',
  host_country: 'hostCountry',
  city: 'city',
  address_lines: 'addressLines',
  email: 'email',
  fax: 'fax',
  phone: 'phone',
  website: 'website',
  web_form_url: 'webFormUrl',
  head_title: 'headTitle',
  salutation_en: 'salutationEn',
  salutation_ko: 'salutationKo',
  salutation_zh: 'salutationZh',
  preferred_languages: 'preferredLanguages',
  source_url: 'sourceUrl',
  source_notes: 'sourceNotes',
  verified_on: 'verifiedOn',
  status: 'status',
};

export function targetCsvRow(target: TargetRecord): string[] {
  return TARGET_CSV_COLUMNS.map((column) => {
    const value = target[COLUMN_FIELDS[column]];
    if (Array.isArray(value)) return value.join(',');
    return value ?? '';
  });
}

/** A CSV row as the form strings the target schema parses. */
export function csvRowFields(header: TargetCsvColumn[], cells: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  header.forEach((column, index) => {
    fields[COLUMN_FIELDS[column]] = cells[index] ?? '';
  });
  return fields;
}

/** The column a form field comes from, for error messages that name the CSV column. */
export function csvColumnOf(field: string): string {
  return (Object.entries(COLUMN_FIELDS).find(([, name]) => name === field)?.[0] as string | undefined) ?? field;
}
