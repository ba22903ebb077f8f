/**
 * Tells the in-process page bytes cache (lib/http/public-response-cache.ts) when any cache tag expired
 * on any instance: once a second it reads a fingerprint of the shared expiry table in Postgres, and the
 * generation moves on whenever the fingerprint changed, a local expiry happened, or the database could
 * not be read. The bytes cache serves an entry only while the generation it was filled under is
 * current and a reading succeeded within the last two seconds: one query a second, not one a request.
 *
 * It is imported by the server (lib/http) and by the cache handler (a separate bundle), so its state
 * lives once per process on globalThis.
 */
import { sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { processShared } from '../runtime/process-shared';

const EXPIRY_POLL_MS = 1000;
/** Without a successful reading for this long, nothing is served from the bytes cache. */
export const EXPIRY_FRESHNESS_MS = 2000;

interface WatchState {
  generation: number;
  fingerprint: string | null;
  lastReadAt: number;
  timer: NodeJS.Timeout | null;
  reading: boolean;
}

const state = () =>
  processShared<WatchState>('cache.expiry-watch', () => ({ generation: 0, fingerprint: null, lastReadAt: 0, timer: null, reading: false }));

/** Any upsert of a tag moves its expired_at forward, so the sum changes with every expiry. */
async function readFingerprint(): Promise<string> {
  const db = await getDb();
  const result = await db.execute<{ n: number; total: string }>(
    sql`select count(*)::int as n, coalesce(sum(extract(epoch from expired_at)), 0)::text as total from cache_tag_expirations`,
  );
  const rows = (result as unknown as { rows?: { n: number; total: string }[] }).rows ?? (result as unknown as { n: number; total: string }[]);
  const row = rows[0];
  return `${row?.n ?? 0}:${row?.total ?? '0'}`;
}

/** One reading of the expiry table; exported for tests, called by the timer. */
export async function readExpiries(now: () => number = Date.now): Promise<void> {
  const watch = state();
  if (watch.reading) return;
  watch.reading = true;
  const startedAt = now();
  try {
    const fingerprint = await readFingerprint();
    if (fingerprint !== watch.fingerprint) {
      watch.fingerprint = fingerprint;
      watch.generation += 1;
    }
    // Fresh as of when the query was sent: an expiry committed after that is seen by the next reading.
    watch.lastReadAt = startedAt;
  } catch (error) {
    watch.generation += 1;
    watch.lastReadAt = 0;
    console.error('[vigil] cache expiry watch: cannot read tag expiries, the bytes cache is off until it can', error);
  } finally {
    watch.reading = false;
  }
}

/** Starts the once-a-second reading (idempotent). */
export function startExpiryWatch(): void {
  const watch = state();
  if (watch.timer) return;
  void readExpiries();
  watch.timer = setInterval(() => void readExpiries(), EXPIRY_POLL_MS);
  watch.timer.unref();
}

/** This instance expired a tag itself: what it cached before is dropped at once, not a second later. */
export function noteLocalExpiry(): void {
  state().generation += 1;
}

/** The generation to fill an entry under, or null when the bytes cache must not be used now. */
export function currentGeneration(now: number = Date.now()): number | null {
  const watch = state();
  if (watch.lastReadAt === 0 || now - watch.lastReadAt > EXPIRY_FRESHNESS_MS) return null;
  return watch.generation;
}
