/**
 * The metrics as Prometheus reads them (GET /api/metrics), with the outbox gauges read from the database
 * at each scrape. Guarded by VIGIL_METRICS_TOKEN: without it the endpoint does not exist (404), with it a
 * scrape must send `Authorization: Bearer <token>`.
 */
import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { metrics } from './metrics';

export type MetricsAccess = 'disabled' | 'denied' | 'allowed';

export function metricsAccess(authorization: string | null): MetricsAccess {
  const token = process.env.VIGIL_METRICS_TOKEN;
  if (!token) return 'disabled';
  const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'allowed' : 'denied';
}

export async function readMetrics(): Promise<{ contentType: string; text: string }> {
  const registry = metrics();
  try {
    const db = await getDb();
    const [outbox] = await db
      .select({
        backlog: sql<number>`count(*)::int`,
        oldestSeconds: sql<number | null>`extract(epoch from now() - min(${mailOutbox.createdAt}))::float8`,
      })
      .from(mailOutbox)
      .where(sql`${mailOutbox.status} = 'pending'`);
    registry.outboxBacklog.set(outbox?.backlog ?? 0);
    registry.outboxOldestSeconds.set(outbox?.oldestSeconds ?? 0);
  } catch {
    // The database is away: the other metrics still say why.
  }
  return { contentType: registry.registry.contentType, text: await registry.registry.metrics() };
}
