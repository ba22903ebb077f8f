/**
 * Leases on periodic jobs, in Postgres: whichever app instance claims a due job runs it; the others
 * see it held (or not yet due) and skip it. A lease is short and renewed while its job runs, names its
 * holder (lib/runtime/instance-id.ts), and is released when the job ends, fails or the process shuts
 * down; an instance that dies mid-job holds it at most one lease length. Nothing lives in process memory.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { jobLeases } from '@/db/schema';

/** Claims `name` if it is due and nobody holds it; true when `holder` now holds it for `leaseSeconds`. */
export async function claimDueJob(db: Database, name: string, leaseSeconds: number, holder: string): Promise<boolean> {
  const lease = { lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, lockedBy: holder, lastStartedAt: sql`now()` };
  // One statement: a job never seen before is created held; a known one is taken only if due and free.
  const claimed = await db
    .insert(jobLeases)
    .values({ name, ...lease })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { ...lease, updatedAt: sql`now()` },
      setWhere: sql`${jobLeases.nextRunAt} <= now() and (${jobLeases.lockedUntil} is null or ${jobLeases.lockedUntil} < now())`,
    })
    .returning({ name: jobLeases.name });
  return claimed.length === 1;
}

/** Extends a held lease; false when `holder` no longer holds it (it ran out and another took it). */
export async function renewLease(db: Database, name: string, leaseSeconds: number, holder: string): Promise<boolean> {
  const renewed = await db
    .update(jobLeases)
    .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, updatedAt: sql`now()` })
    .where(and(eq(jobLeases.name, name), eq(jobLeases.lockedBy, holder)))
    .returning({ name: jobLeases.name });
  return renewed.length === 1;
}

/**
 * Releases a held job and sets when it is next due: `everySeconds` after a success (at once when the job
 * left work behind); after a failure, the interval, then twice as long for each further failure in a row, up to `maxBackoffSeconds`
 * (default an hour, or the interval if longer), so a broken SMTP server is not hammered.
 */
export async function finishJob(
  db: Database,
  name: string,
  holder: string,
  result: { ok: boolean; outcome: string; everySeconds: number; maxBackoffSeconds?: number; dueAgainNow?: boolean },
): Promise<void> {
  const failures = result.ok ? sql`0` : sql`${jobLeases.consecutiveFailures} + 1`;
  const every = result.everySeconds;
  const maxBackoff = result.maxBackoffSeconds ?? Math.max(every, 3600);
  await db
    .update(jobLeases)
    .set({
      lockedUntil: null,
      lockedBy: null,
      lastFinishedAt: sql`now()`,
      lastOutcome: result.outcome.slice(0, 1000),
      consecutiveFailures: failures,
      nextRunAt: result.ok
        ? result.dueAgainNow
          ? sql`now()`
          : sql`now() + make_interval(secs => ${every})`
        : sql`now() + make_interval(secs => least(${maxBackoff}, ${every} * power(2, ${failures} - 1)::int))`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(jobLeases.name, name), eq(jobLeases.lockedBy, holder)));
}

/** Shutdown: gives back every lease `holder` has, due at once, so another instance takes over now. */
export async function releaseLeases(db: Database, holder: string): Promise<void> {
  await db
    .update(jobLeases)
    .set({ lockedUntil: null, lockedBy: null, nextRunAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(jobLeases.lockedBy, holder));
}
