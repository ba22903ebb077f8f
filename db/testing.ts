/**
 * Test databases: every integration suite runs on a fresh PGlite database, and again on a fresh
 * scratch database on real Postgres when TEST_DATABASE_URL is set (dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { Client } from 'pg';
import { type Database, type Engine, installDatabase, openDatabase, type OpenDatabase } from './client';

export interface TestEngine {
  engine: Engine;
  open(): Promise<OpenDatabase>;
}

/** Creates an empty database on the server TEST_DATABASE_URL points to; returns its URL and a drop function. */
async function createScratchPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vigil_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        // pool.end() resolves before the server's backends have exited; forcing the drop while they
        // exit makes them report "terminating connection" (57P01) to clients that are closing.
        for (let attempt = 0; attempt < 100; attempt += 1) {
          const { rows } = await dropper.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await dropper.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ engine: 'pglite', open: () => openDatabase({ dataDir: 'memory' }) }];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    engines.push({
      engine: 'postgres',
      open: async () => {
        const scratch = await createScratchPostgresDatabase(adminUrl);
        const opened = await openDatabase({ url: scratch.url });
        return {
          ...opened,
          close: async () => {
            await opened.close();
            await scratch.drop();
          },
        };
      },
    });
  }
  return engines;
}

/**
 * Runs `suite` once per engine, with a fresh migrated database installed as the process-wide one
 * (so lib/ functions use it). `setup` runs once on each fresh database before the suite's tests.
 */
export function describeEachEngine(
  name: string,
  suite: (context: { db: () => Database; engine: Engine }) => void,
  setup?: (db: Database) => Promise<void>,
): void {
  for (const { engine, open } of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let opened: OpenDatabase | undefined;
      beforeAll(async () => {
        opened = await open();
        installDatabase(opened);
        if (setup) await setup(opened.db);
      });
      afterAll(async () => {
        installDatabase(undefined);
        await opened?.close();
      });
      suite({
        db: () => {
          if (!opened) throw new Error('The test database is not open yet');
          return opened.db;
        },
        engine,
      });
    });
  }
}
