/**
 * `npm run db:seed-targets`: adds the verified letter target directory (db/seed-targets.ts) to any
 * database, production included: real embassies, not demo data. Targets already there (by key) are
 * left as staff edited them.
 */
import { count } from 'drizzle-orm';
import { openDatabase } from '../client';
import { letterTargets } from '../schema';
import { SEED_TARGETS, seedTargets } from '../seed-targets';

const opened = await openDatabase({ url: process.env.DATABASE_URL });
try {
  const [before] = await opened.db.select({ n: count() }).from(letterTargets);
  await seedTargets(opened.db);
  const [after] = await opened.db.select({ n: count() }).from(letterTargets);
  console.log(`${(after?.n ?? 0) - (before?.n ?? 0)} of ${SEED_TARGETS.length} directory entries added (${opened.engine}).`);
} finally {
  await opened.close();
}
