/** The target directory's vocabulary, from the database enums, for zod and the UI. */
import { letterLanguage, targetKind, targetStatus } from '@/db/schema/enums';

export const TARGET_KINDS = targetKind.enumValues;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TARGET_STATUSES = targetStatus.enumValues;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
/** The languages a target reads (its preferred languages): letters to it are written in one of them. */
export const LETTER_LANGUAGES = letterLanguage.enumValues;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** The CSV columns, in order: import and export use exactly these headers. */
export const TARGET_CSV_COLUMNS = [
  'key',
  'kind',
  'name_en',
  'name_local',
  'name_zh',
  'represents_country',
  'host_country',
  'city',
  'address_lines',
  'email',
  'fax',
  'phone',
  'website',
  'web_form_url',
  'head_title',
  'salutation_en',
  'salutation_ko',
  'salutation_zh',
  'preferred_languages',
  'source_url',
  'source_notes',
  'verified_on',
  'status',
] as const;
export type TargetCsvColumn = (typeof TARGET_CSV_COLUMNS)[number];
/** Columns an imported file must have; the others may be left out and are then empty. */
export const TARGET_CSV_REQUIRED_COLUMNS = [
  'key',
  'kind',
  'name_en',
  'represents_country',
  'host_country',
  'city',
  'address_lines',
  'salutation_en',
  'salutation_ko',
  'salutation_zh',
  'preferred_languages',
] as const satisfies readonly TargetCsvColumn[];
