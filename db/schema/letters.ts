/**
 * Letters to embassies, ministries and UN mandates: the verified target directory, templates with
 * declared merge fields, batches of generated letters (each stored unchanged with its hash), their
 * tracking to a reply, and the count of supporters' personal letters (nothing else about them).
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cases, timelineEvents } from './cases';
import { timestamps } from './columns';
import { letterLanguage, letterStatus, paperSize, sendChannel, targetKind, targetStatus, templatePurpose } from './enums';

export const letterTargets = pgTable(
  'letter_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A stable key for CSV import and export, e.g. "cn-embassy-kr". */
    key: text('key').notNull(),
    kind: targetKind('kind').notNull(),
    nameEn: text('name_en').notNull(),
    /** The official name in the local language (Korean, Japanese, German…). */
    nameLocal: text('name_local').notNull().default(''),
    /** The official name in Chinese, when the target is a Chinese mission or has one. */
    nameZh: text('name_zh').notNull().default(''),
    /** ISO 3166 alpha-2 of the state (or "UN") the target represents. */
    representsCountry: text('represents_country').notNull(),
    /** ISO 3166 alpha-2 of the host country. */
    hostCountry: text('host_country').notNull(),
    city: text('city').notNull(),
    /** Postal address lines exactly as the host country writes them, one per line. */
    addressLines: text('address_lines').notNull(),
    email: text('email').notNull().default(''),
    fax: text('fax').notNull().default(''),
    phone: text('phone').notNull().default(''),
    website: text('website').notNull().default(''),
    /** The embassy's own contact form, where it publishes one (https). */
    webFormUrl: text('web_form_url').notNull().default(''),
    /** The office, never a person's name: heads of mission change. */
    headTitle: text('head_title').notNull().default(''),
    salutationEn: text('salutation_en').notNull(),
    salutationKo: text('salutation_ko').notNull(),
    salutationZh: text('salutation_zh').notNull(),
    /** Letter languages in order of preference, e.g. {zh,en}. */
    preferredLanguages: letterLanguage('preferred_languages').array().notNull().default(sql`'{en}'`),
    sourceUrl: text('source_url').notNull().default(''),
    sourceNotes: text('source_notes').notNull().default(''),
    verifiedOn: date('verified_on'),
    status: targetStatus('status').notNull().default('active'),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('letter_targets_key_unique').on(table.key),
    index('letter_targets_kind_host_idx').on(table.kind, table.hostCountry),
  ],
);

export const letterTemplates = pgTable(
  'letter_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Letters keep their own copy of everything, but a template in use keeps its case.
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    purpose: templatePurpose('purpose').notNull().default('organizer'),
    language: letterLanguage('language').notNull(),
    /** Plain text with {{merge.fields}} from the declared list (lib/letters/template-language.ts). */
    body: text('body').notNull(),
    /** Raised on every change; each generated letter records the version it was made from. */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('letter_templates_case_idx').on(table.caseId, table.purpose),
    // One supporter template per case and language: the supporter page picks it without asking.
    uniqueIndex('letter_templates_supporter_unique')
      .on(table.caseId, table.language)
      .where(sql`${table.purpose} = 'supporter'`),
  ],
);

export const letterBatches = pgTable(
  'letter_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => letterTemplates.id, { onDelete: 'restrict' }),
    templateVersion: integer('template_version').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    paper: paperSize('paper').notNull().default('a4'),
    senderName: text('sender_name').notNull(),
    senderOrganisation: text('sender_organisation').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (table) => [index('letter_batches_case_idx').on(table.caseId, table.createdAt)],
);

export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => letterBatches.id, { onDelete: 'restrict' }),
    // The letter keeps a copy of the target's details; the directory row may change or go.
    targetId: uuid('target_id').references(() => letterTargets.id, { onDelete: 'set null' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    templateId: uuid('template_id')
      .notNull()
      .references(() => letterTemplates.id, { onDelete: 'restrict' }),
    templateVersion: integer('template_version').notNull(),
    language: letterLanguage('language').notNull(),
    /** Exactly what was printed: never changed after generation. */
    renderedText: text('rendered_text').notNull(),
    targetSnapshot: jsonb('target_snapshot').notNull(),
    /** SHA-256 (hex) of the rendered text and the target snapshot, as generated. */
    sha256: text('sha256').notNull(),
    position: integer('position').notNull(),
    status: letterStatus('status').notNull().default('generated'),
    sentVia: sendChannel('sent_via'),
    sentOn: date('sent_on'),
    deliveredOn: date('delivered_on'),
    repliedOn: date('replied_on'),
    closedOn: date('closed_on'),
    replyNote: text('reply_note').notNull().default(''),
    /** The public timeline events this letter's "sent" and "replied" became, when an organizer chose so. */
    sentEventId: uuid('sent_event_id').references(() => timelineEvents.id, { onDelete: 'set null' }),
    replyEventId: uuid('reply_event_id').references(() => timelineEvents.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [
    index('letters_batch_idx').on(table.batchId, table.position),
    index('letters_target_idx').on(table.targetId),
    index('letters_case_idx').on(table.caseId, table.status),
    check('letters_sha256_hex', sql`${table.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** How many supporters made a personal letter for a case: nothing else about them is kept, not even when. */
export const supporterLetterCounts = pgTable('supporter_letter_counts', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  letterCount: integer('letter_count').notNull().default(0),
  ...timestamps,
});
