/**
 * Sign-in throttling, kept in Postgres so every app instance counts the same attempts. The address is
 * the one server.ts decided (lib/http/client-address.ts), never a header a client chose. Three limits,
 * each "N failures within the window, then wait until the oldest of them leaves it":
 * - one account from one address (10 in 15 minutes): a guesser at one address stops guessing that
 *   account, and the account's owner elsewhere is not touched;
 * - one address, all accounts (30 in 15 minutes): password spraying from one address;
 * - one account, all addresses (100 in an hour): a guesser spread over many addresses.
 * The last two never lock an account out of an address it signed in from within 30 days: a flood from
 * one address (or many) does not keep the owner, or a colleague behind the same NAT, out of their own
 * account. A successful sign-in clears its account's failures from that address.
 */
import 'server-only';
import { desc, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { signInAttempts } from '@/db/schema';

const SIGN_IN_LIMITS = {
  accountAtAddress: { maxFailures: 10, windowSeconds: 15 * 60 },
  address: { maxFailures: 30, windowSeconds: 15 * 60 },
  account: { maxFailures: 100, windowSeconds: 60 * 60 },
} as const;
/** An address an account signed in from within this long is its own: spraying and floods do not lock it there. */
const KNOWN_ADDRESS_DAYS = 30;

async function secondsUntilBelowLimit(db: Database, counted: SQL, limit: { maxFailures: number; windowSeconds: number }): Promise<number> {
  const [oldestCounted] = await db
    .select({
      wait: sql<string>`extract(epoch from (${signInAttempts.createdAt} + make_interval(secs => ${limit.windowSeconds}) - now()))`,
    })
    .from(signInAttempts)
    .where(sql`${counted} and not ${signInAttempts.succeeded} and ${signInAttempts.createdAt} > now() - make_interval(secs => ${limit.windowSeconds})`)
    .orderBy(desc(signInAttempts.createdAt))
    .offset(limit.maxFailures - 1)
    .limit(1);
  const wait = Number(oldestCounted?.wait ?? 0);
  return wait > 0 ? Math.ceil(wait) : 0;
}

async function isKnownAddress(db: Database, email: string, ip: string): Promise<boolean> {
  const [known] = await db
    .select({ one: sql`1` })
    .from(signInAttempts)
    .where(
      sql`${signInAttempts.email} = ${email} and ${signInAttempts.ip} = ${ip} and ${signInAttempts.succeeded}
        and ${signInAttempts.createdAt} > now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})`,
    )
    .limit(1);
  return Boolean(known);
}

/** Seconds to wait before another attempt at this account from this address; 0 when allowed now. */
export async function signInWaitSeconds(db: Database, email: string, ip: string): Promise<number> {
  const sinceLastSuccessHere = sql`${signInAttempts.createdAt} > coalesce((select max(s.created_at) from ${signInAttempts} s
    where s.email = ${email} and s.ip = ${ip} and s.succeeded), '-infinity'::timestamptz)`;
  const [known, accountAtAddress] = await Promise.all([
    isKnownAddress(db, email, ip),
    secondsUntilBelowLimit(
      db,
      sql`${signInAttempts.email} = ${email} and ${signInAttempts.ip} = ${ip} and ${sinceLastSuccessHere}`,
      SIGN_IN_LIMITS.accountAtAddress,
    ),
  ]);
  if (known) return accountAtAddress;
  const [address, account] = await Promise.all([
    secondsUntilBelowLimit(db, sql`${signInAttempts.ip} = ${ip}`, SIGN_IN_LIMITS.address),
    secondsUntilBelowLimit(db, sql`${signInAttempts.email} = ${email}`, SIGN_IN_LIMITS.account),
  ]);
  return Math.max(accountAtAddress, address, account);
}

export async function recordSignInAttempt(db: Database, attempt: { email: string; ip: string; succeeded: boolean }): Promise<void> {
  await db.insert(signInAttempts).values(attempt);
  // Failures older than the longest window count for nothing; successes name known addresses for 30 days.
  await db
    .delete(signInAttempts)
    .where(
      sql`(not ${signInAttempts.succeeded} and ${signInAttempts.createdAt} < now() - interval '1 day')
        or ${signInAttempts.createdAt} < now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})`,
    );
}
