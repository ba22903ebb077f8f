/**
 * An address's window matters only within the longest rate limit, idempotency keys for a day: older
 * rows are deleted, so the tables stay small and hold no more than the limits need.
 */
import 'server-only';
import { lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { petitionAddressWindows, petitionIdempotencyKeys } from '@/db/schema';

const IDEMPOTENCY_KEY_HOURS = 24;

export async function purgeSigningRecords(db: Database): Promise<{ addressWindows: number; idempotencyKeys: number }> {
  const windows = await db
    .delete(petitionAddressWindows)
    .where(lt(petitionAddressWindows.updatedAt, sql`now() - interval '1 hour'`))
    .returning({ ipHash: petitionAddressWindows.ipHash });
  const keys = await db
    .delete(petitionIdempotencyKeys)
    .where(lt(petitionIdempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`))
    .returning({ keyHash: petitionIdempotencyKeys.keyHash });
  return { addressWindows: windows.length, idempotencyKeys: keys.length };
}
