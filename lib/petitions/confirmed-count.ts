/**
 * The confirmed count without a hot row. Signing only inserts; confirming, invalidating and
 * withdrawing add ±n to one of SHARD_COUNT rows of petition_count_shards chosen at random, so
 * concurrent confirmations rarely wait on one another. The count is the sum of a petition's shards.
 *
 * Every change of the count happens in the same transaction as the change of the signature rows,
 * under a shared advisory lock per petition; the full recount takes that lock exclusively, so it
 * never runs between a row change and its count change.
 */
import 'server-only';
import { and, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { petitionCountShards, petitionSignatures } from '@/db/schema';
import type { Transaction } from '@/db/client';

const SHARD_COUNT = 16;
// Any fixed 32-bit number: the first key of the two-key advisory locks on a petition's count.
const COUNT_LOCK_CLASS = 72_118_431;

/** The one definition of a signature that counts: confirmed, not set aside by an organizer, not held. */
export const signatureIsCounted = and(isNotNull(petitionSignatures.confirmedAt), isNull(petitionSignatures.invalidationId), isNull(petitionSignatures.heldAt));

async function lockCountShared(tx: Transaction, petitionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${COUNT_LOCK_CLASS}, hashtext(${petitionId}))`);
}

export async function lockCountExclusive(tx: Transaction, petitionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${COUNT_LOCK_CLASS}, hashtext(${petitionId}))`);
}

/** Adds `delta` to the petition's count. Call after changing the rows, in the same transaction. */
export async function adjustConfirmedCount(tx: Transaction, petitionId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  await lockCountShared(tx, petitionId);
  const shard = Math.floor(Math.random() * SHARD_COUNT);
  await tx
    .insert(petitionCountShards)
    .values({ petitionId, shard, confirmed: delta })
    .onConflictDoUpdate({
      target: [petitionCountShards.petitionId, petitionCountShards.shard],
      set: { confirmed: sql`${petitionCountShards.confirmed} + ${delta}`, updatedAt: sql`now()` },
    });
}

/** Confirmed counts of the given petitions, from the shards (0 for a petition without any). */
export async function readConfirmedCounts(db: Database | Transaction, petitionIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(petitionIds.map((id) => [id, 0]));
  if (petitionIds.length === 0) return counts;
  const rows = await db
    .select({ petitionId: petitionCountShards.petitionId, confirmed: sql<number>`sum(${petitionCountShards.confirmed})`.mapWith(Number) })
    .from(petitionCountShards)
    .where(inArray(petitionCountShards.petitionId, petitionIds))
    .groupBy(petitionCountShards.petitionId);
  for (const row of rows) counts.set(row.petitionId, row.confirmed);
  return counts;
}
