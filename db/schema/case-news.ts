/**
 * News of a case: each change to its public timeline (an event published, corrected or retracted),
 * written in the same transaction as the change. The petition domain turns each row, once, into mails
 * for the signers who asked for news (lib/petitions/mail-case-news.ts), so the case domain
 * never needs to know who its subscribers are.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';

export const caseNews = pgTable(
  'case_news',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** One line on what changed, as the public timeline says it (the event's title). */
    headline: text('headline').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When its mails were queued (or it was found to concern a case the public cannot see). */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    /** How many mails it became. */
    recipients: integer('recipients'),
  },
  (table) => [index('case_news_unmailed_idx').on(table.createdAt).where(sql`${table.mailedAt} is null`)],
);
