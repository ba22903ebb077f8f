import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirectoryLock, EmbeddedDatabaseInUseError } from './directory-lock';

const dirs: string[] = [];
function scratchLock() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-lock-'));
  dirs.push(dir);
  return { lockPath: path.join(dir, 'pglite.lock'), dataDir: path.join(dir, 'pglite') };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database lock', () => {
  it('refuses a second opener in another live process, naming its pid and the way out', async () => {
    const { lockPath, dataDir } = scratchLock();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      fs.writeFileSync(lockPath, String(other.pid));
      expect(() => acquireDirectoryLock(lockPath, dataDir)).toThrow(EmbeddedDatabaseInUseError);
      expect(() => acquireDirectoryLock(lockPath, dataDir)).toThrow(new RegExp(`pid ${other.pid}.*DATABASE_URL`));
    } finally {
      other.kill();
    }
  });

  it('refuses a second opener in this same process', () => {
    const { lockPath, dataDir } = scratchLock();
    const release = acquireDirectoryLock(lockPath, dataDir);
    try {
      expect(() => acquireDirectoryLock(lockPath, dataDir)).toThrow(EmbeddedDatabaseInUseError);
    } finally {
      release();
    }
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('takes over a lock left by a process that has died', async () => {
    const { lockPath, dataDir } = scratchLock();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(lockPath, String(dead.pid));
    const release = acquireDirectoryLock(lockPath, dataDir);
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
  });
});
