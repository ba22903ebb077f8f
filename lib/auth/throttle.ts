/**
 * Sign-in throttling, per account and per address, kept in Postgres so every app instance counts the
 * same attempts: after 10 failures within 15 minutes, further attempts wait until the oldest of those
 * ten leaves the window. A successful sign-in clears the account's count (not the address's).
 */
import 'server-only';
import { desc, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { signInAttempts } from '@/db/schema';

export const THROTTLE_MAX_FAILURES = 10;
export const THROTTLE_WINDOW_SECONDS = 15 * 60;

async function secondsUntilBelowLimit(db: Database, scope: 'email' | 'ip', value: string): Promise<number> {
  const column = scope === 'email' ? signInAttempts.email : signInAttempts.ip;
  const sinceLastSuccess =
    scope === 'email'
      ? sql`and ${signInAttempts.createdAt} > coalesce((select max(s.created_at) from ${signInAttempts} s where s.email = ${value} and s.succeeded), '-infinity'::timestamptz)`
      : sql``;
  const [oldestCounted] = await db
    .select({
      wait: sql<string>`extract(epoch from (${signInAttempts.createdAt} + make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) - now()))`,
    })
    .from(signInAttempts)
    .where(
      sql`${column} = ${value} and not ${signInAttempts.succeeded}
        and ${signInAttempts.createdAt} > now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) ${sinceLastSuccess}`,
    )
    .orderBy(desc(signInAttempts.createdAt))
    .offset(THROTTLE_MAX_FAILURES - 1)
    .limit(1);
  const wait = Number(oldestCounted?.wait ?? 0);
  return wait > 0 ? Math.ceil(wait) : 0;
}

/** Seconds to wait before another attempt for this account or from this address; 0 when allowed now. */
export async function signInWaitSeconds(db: Database, email: string, ip: string): Promise<number> {
  const [byAccount, byAddress] = await Promise.all([
    secondsUntilBelowLimit(db, 'email', email),
    secondsUntilBelowLimit(db, 'ip', ip),
  ]);
  return Math.max(byAccount, byAddress);
}

export async function recordSignInAttempt(db: Database, attempt: { email: string; ip: string; succeeded: boolean }): Promise<void> {
  await db.insert(signInAttempts).values(attempt);
  // Older attempts no longer count for anything.
  await db.delete(signInAttempts).where(sql`${signInAttempts.createdAt} < now() - interval '1 day'`);
}
