/**
 * `npm run db:backup [-- --out file.tar.gz]`: a consistent copy of the embedded database (default
 * .data/backups/vigil-<time>.tar.gz). Refuses while a server holds the database, and on Postgres.
 */
import path from 'node:path';
import { backupEmbeddedDatabase } from '../backup';
import { defaultDataDir } from '../client';

if (process.env.DATABASE_URL) {
  console.error('DATABASE_URL is set: back up Postgres with pg_dump (and WAL archiving for point-in-time recovery), see README.');
  process.exit(1);
}
const outIndex = process.argv.indexOf('--out');
const out = outIndex > -1 ? process.argv[outIndex + 1]! : path.join('.data', 'backups', `vigil-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
try {
  const { bytes } = await backupEmbeddedDatabase(defaultDataDir(), out);
  console.log(`Backup written to ${out} (${Math.round(bytes / 1024)} KiB). Keep VIGIL_SECRET_KEY with it: two-factor secrets need it.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
