import { timestamp } from 'drizzle-orm/pg-core';

/** created_at / updated_at, on every table. updated_at is set by the data access layer on each write. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
