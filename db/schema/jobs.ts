import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/**
 * The app's periodic jobs (lib/jobs/): when each is next due and who holds it now. Every app instance
 * runs the scheduler; a job's lease makes sure one instance at a time runs it, once per interval.
 */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  /** Not run again before this time. */
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
  /** Held by a running instance until this time; a crashed holder's lease simply runs out. */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** Which process holds it (pid and a random id): only the holder renews or releases a lease. */
  lockedBy: text('locked_by'),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  /** What the last run reported ("3 sent", "recounted 4 petitions"), or its error. */
  lastOutcome: text('last_outcome'),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  ...timestamps,
});

/**
 * Data steps a migration asks for that only the app's code can do (db/data-migrations.ts): the SQL
 * migration inserts the row, the app runs the step once after migrating and stamps `doneAt`.
 */
export const dataMigrations = pgTable('data_migrations', {
  name: text('name').primaryKey(),
  doneAt: timestamp('done_at', { withTimezone: true }),
  ...timestamps,
});
