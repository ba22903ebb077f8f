/**
 * Readiness for a load balancer (GET /api/health): the database answers within two seconds, every
 * migration is applied, and the instance is not full (requests in flight and the signing queue below 90 %
 * of their bounds). An unready instance answers 503 and gets no new traffic until it is ready again.
 */
import 'server-only';
import { instanceLoad } from '@/lib/http/front-door';
import { signingQueueLoad } from '@/lib/petitions/sign-petition';
import { databaseAnswers } from './check-database';
import { migrationsApplied } from './check-migrations';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unavailable';
  migrations: 'applied' | 'pending' | 'unknown';
  load: 'ok' | 'full';
}

export async function checkReadiness(): Promise<Readiness> {
  const database = await databaseAnswers();
  const migrations = database ? await migrationsApplied().then((applied) => (applied ? 'applied' : 'pending'), () => 'unknown' as const) : 'unknown';
  const requests = instanceLoad();
  const signing = signingQueueLoad();
  const full = requests.inFlight >= requests.max * 0.9 || signing.waiting >= signing.maxWaiting * 0.9;
  return {
    ready: database && migrations === 'applied' && !full,
    database: database ? 'ok' : 'unavailable',
    migrations,
    load: full ? 'full' : 'ok',
  };
}
