/**
 * Backup and restore of the embedded database (PGlite): one gzipped tar of its data directory, made by
 * PGlite itself (`dumpDataDir`), so the copy is consistent. The directory belongs to one process at a time
 * (db/directory-lock.ts): while a server holds it, a backup refuses clearly instead of copying files that
 * are being written. A restore only creates a new directory, never overwrites one. On Postgres, use
 * pg_dump and point-in-time recovery instead (README, Backups).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDirectoryLock } from './directory-lock';

export async function backupEmbeddedDatabase(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!fs.existsSync(dataDir)) throw new Error(`There is no embedded database in ${dataDir}.`);
  const release = acquireDirectoryLock(`${dataDir}.lock`, dataDir);
  try {
    const database = new PGlite(dataDir);
    try {
      await database.waitReady;
      // A checkpoint first, so the copy needs no recovery when it is opened.
      await database.exec('checkpoint');
      const dump = await database.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      // Written aside, then renamed: a backup file is either whole or absent.
      fs.writeFileSync(`${file}.partial`, bytes, { mode: 0o600 });
      fs.renameSync(`${file}.partial`, file);
      return { bytes: bytes.length };
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

export async function restoreEmbeddedDatabase(file: string, dataDir: string): Promise<void> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} already holds a database: restore into a new directory (set VIGIL_DATA_DIR to use it), or move this one away first.`);
  }
  fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const release = acquireDirectoryLock(`${dataDir}.lock`, dataDir);
  try {
    const database = new PGlite({ dataDir, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await database.waitReady;
    await database.query('select 1');
    await database.close();
  } finally {
    release();
  }
}
