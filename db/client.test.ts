import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';

describe('the embedded database on disk', () => {
  it('is migrated on open, keeps data across opens, and refuses a second process', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-pglite-'));
    const dataDir = path.join(dir, 'pglite');
    try {
      const first = await openDatabase({ dataDir });
      await first.db.execute(sql`insert into cases (slug, title) values ('kept-across-opens', 'A case')`);

      // A second process opening the same directory gets the clear error, not a corrupted database.
      const script = `import('./db/client.ts').then(({ openDatabase }) => openDatabase({ dataDir: ${JSON.stringify(dataDir)} })).then(() => process.exit(0), (error) => { console.error(error.message); process.exit(3); })`;
      const second = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
        cwd: process.cwd(),
        encoding: 'utf8',
      });
      expect(second.status).toBe(3);
      expect(second.stderr).toContain('already open in another process');

      await first.close();
      const reopened = await openDatabase({ dataDir });
      const result = await reopened.db.execute<{ slug: string }>(sql`select slug from cases`);
      expect((result as unknown as { rows: unknown[] }).rows).toEqual([{ slug: 'kept-across-opens' }]);
      await reopened.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
