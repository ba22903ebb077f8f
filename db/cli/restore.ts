/**
 * `npm run db:restore -- <backup.tar.gz> [--data-dir dir]`: unpacks a backup into a new embedded-database
 * directory (default VIGIL_DATA_DIR or .data/pglite, which must not hold a database yet).
 */
import path from 'node:path';
import { restoreEmbeddedDatabase } from '../backup';
import { defaultDataDir } from '../client';

const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error('Usage: npm run db:restore -- <backup.tar.gz> [--data-dir dir]');
  process.exit(1);
}
const dirIndex = process.argv.indexOf('--data-dir');
const dataDir = dirIndex > -1 ? path.resolve(process.argv[dirIndex + 1]!) : defaultDataDir();
try {
  await restoreEmbeddedDatabase(file, dataDir);
  console.log(`Restored ${file} into ${dataDir}. Start the server with the same VIGIL_SECRET_KEY as before; run npm run audit:verify to check the audit chain.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
