/**
 * The full recount: rebuilds a petition's count shards from its signature rows, under the exclusive
 * count lock. Run by `npm run petitions:maintain` (once, or periodically with --watch); reports any
 * drift it corrected, which would mean a bug or a hand edit.
 */
import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { petitionCountShards, petitions, petitionSignatures } from '@/db/schema';
import { lockCountExclusive, readConfirmedCounts, signatureIsCounted } from './confirmed-count';

export interface RecountResult {
  petitionId: string;
  before: number;
  after: number;
}

export async function recountPetition(db: Database, petitionId: string): Promise<RecountResult> {
  return db.transaction(async (tx) => {
    await lockCountExclusive(tx, petitionId);
    const before = (await readConfirmedCounts(tx, [petitionId])).get(petitionId) ?? 0;
    const [row] = await tx
      .select({ n: count() })
      .from(petitionSignatures)
      .where(and(eq(petitionSignatures.petitionId, petitionId), signatureIsCounted));
    const after = row?.n ?? 0;
    if (after !== before) {
      await tx.delete(petitionCountShards).where(eq(petitionCountShards.petitionId, petitionId));
      await tx.insert(petitionCountShards).values({ petitionId, shard: 0, confirmed: after });
    }
    return { petitionId, before, after };
  });
}

/** Recounts every petition; returns those whose count had drifted. */
export async function recountAllPetitions(db: Database): Promise<RecountResult[]> {
  const all = await db.select({ id: petitions.id }).from(petitions);
  const drifted: RecountResult[] = [];
  for (const { id } of all) {
    const result = await recountPetition(db, id);
    if (result.before !== result.after) drifted.push(result);
  }
  return drifted;
}
