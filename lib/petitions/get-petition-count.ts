/**
 * The confirmed count and goal of a public petition (GET /api/petitions/[slug]/count). Each app
 * instance answers from memory for at most COUNT_MEMO_MS, so a crowd of readers costs one small query
 * a second; with the one-second HTTP cache the figure a reader sees is never five seconds old.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitionCountShards, petitions } from '@/db/schema';
import { processMemo } from '@/lib/runtime/process-memo';
import type { PetitionCount } from './public';
import { petitionIsPublic } from './public-queries';

export const COUNT_MEMO_MS = 1000;

/** A petition's confirmed count as a column: the sum of its shards (lib/petitions/confirmed-count.ts). */
export const confirmedCountColumn = sql<number>`coalesce((select sum(${petitionCountShards.confirmed}) from ${petitionCountShards} where ${petitionCountShards.petitionId} = ${petitions.id}), 0)`.mapWith(Number);
const memo = processMemo<{ at: number; count: PetitionCount | null }>('petitionCounts');

export async function getPetitionCount(slug: string): Promise<PetitionCount | null> {
  const cached = memo.get(slug);
  if (cached && Date.now() - cached.at < COUNT_MEMO_MS) return cached.count;
  const db = await getDb();
  const [row] = await db
    .select({
      goal: petitions.goal,
      confirmed: confirmedCountColumn,
    })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(and(eq(petitions.slug, slug), petitionIsPublic))
    .limit(1);
  const count = row ? { confirmed: row.confirmed, goal: row.goal } : null;
  if (memo.size > 1000) memo.clear();
  memo.set(slug, { at: Date.now(), count });
  return count;
}

/** Tests and writes in this process see a fresh figure at once. */
export function forgetPetitionCounts(): void {
  memo.clear();
}
