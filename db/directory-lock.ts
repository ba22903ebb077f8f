/**
 * PGlite is a single-process database: two processes writing one directory corrupt it. A lock file
 * holding the owner's pid turns that into a clear error; a lock left by a dead process is taken over.
 */
import fs from 'node:fs';

export class EmbeddedDatabaseInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already open in another process (pid ${pid}). ` +
        'Stop that process (for example a running `npm run dev`) and try again, or set DATABASE_URL ' +
        'to use a PostgreSQL server, which many processes can share.',
    );
    this.name = 'EmbeddedDatabaseInUseError';
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Locks this process holds: a lock file naming our own pid is ours only if it is in here (in a
// container, a restarted app often gets the same pid as the one that died).
const heldByThisProcess = new Set<string>();

/** Takes the lock or throws EmbeddedDatabaseInUseError. Returns the function that releases it. */
export function acquireDirectoryLock(lockPath: string, dataDir: string): () => void {
  if (heldByThisProcess.has(lockPath)) throw new EmbeddedDatabaseInUseError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      heldByThisProcess.add(lockPath);
      const release = () => {
        process.off('exit', release);
        heldByThisProcess.delete(lockPath);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (owner !== process.pid && Number.isInteger(owner) && processIsAlive(owner)) {
        throw new EmbeddedDatabaseInUseError(dataDir, owner);
      }
      // Left behind by a process that died: take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
