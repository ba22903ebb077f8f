import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/**
 * When each cache tag was last expired, shared by every app instance: a page cached by one instance
 * is dropped as soon as any instance expires one of its tags (lib/cache/shared-cache-handler.ts).
 */
export const cacheTagExpirations = pgTable('cache_tag_expirations', {
  tag: text('tag').primaryKey(),
  expiredAt: timestamp('expired_at', { withTimezone: true }).notNull(),
  ...timestamps,
});
