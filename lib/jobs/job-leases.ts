/**
 * Leases on periodic jobs, in Postgres: whichever app instance claims a due job runs it; the others
 * see it held (or not yet due) and skip it. A lease runs out on its own, so an instance that dies
 * mid-job holds nothing for long. Nothing here lives in process memory.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { jobLeases } from '@/db/schema';

/** Claims `name` if it is due and nobody holds it; true when this caller now holds it for `leaseSeconds`. */
export async function claimDueJob(db: Database, name: string, leaseSeconds: number): Promise<boolean> {
  const lease = { lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, lastStartedAt: sql`now()` };
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

/**
 * Releases a held job and sets when it is next due: `everySeconds` after a success; after a failure,
 * twice as long for each failure in a row (at most an hour, or the interval if longer), so a broken SMTP server is not hammered.
 */
export async function finishJob(db: Database, name: string, everySeconds: number, result: { ok: boolean; outcome: string }): Promise<void> {
  const failures = result.ok ? sql`0` : sql`${jobLeases.consecutiveFailures} + 1`;
  await db
    .update(jobLeases)
    .set({
      lockedUntil: null,
      lastFinishedAt: sql`now()`,
      lastOutcome: result.outcome.slice(0, 1000),
      consecutiveFailures: failures,
      nextRunAt: result.ok
        ? sql`now() + make_interval(secs => ${everySeconds})`
        : sql`now() + make_interval(secs => least(greatest(${everySeconds}, 3600), ${everySeconds} * power(2, ${failures})::int))`,
      updatedAt: sql`now()`,
    })
    .where(sql`${jobLeases.name} = ${name}`);
}
