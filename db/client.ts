/**
 * The one database handle. node-postgres when DATABASE_URL is set, embedded PGlite in .data/ otherwise.
 * Both get the same schema and the same migrations (drizzle/), applied on first use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool } from 'pg';
import * as schema from './schema';
import { runDataMigrations } from './data-migrations';
import { acquireDirectoryLock } from './directory-lock';
import { logger } from '../lib/observability/logger';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** The handle a `db.transaction(async (tx) => …)` callback receives. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Engine = 'postgres' | 'pglite';

export interface OpenDatabase {
  db: Database;
  engine: Engine;
  close(): Promise<void>;
}

export interface DatabaseTarget {
  /** A postgres:// URL. Without it, PGlite. */
  url?: string;
  /** PGlite's directory; 'memory' for a throwaway in-memory database. */
  dataDir?: string;
}

const migrationsFolder = path.join(process.cwd(), 'drizzle');
// Any fixed 64-bit number: serialises migrations when several app instances start at once.
const MIGRATION_LOCK_KEY = 7_211_843_001;

export function defaultDataDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.VIGIL_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite'),
  );
}

/** Opens a database and brings its schema up to date. The caller owns the handle. */
export async function openDatabase(target: DatabaseTarget = {}): Promise<OpenDatabase> {
  if (target.url) return openPostgres(target.url);
  return openPglite(target.dataDir ?? defaultDataDir());
}

/** The longest a query waits for a free pooled connection before failing (answered 503 by the API). */
export const CONNECTION_WAIT_MS = Number(process.env.DATABASE_CONNECTION_WAIT_MS ?? 5_000);
/** The longest one statement may run (or wait for a lock) before Postgres cancels it (answered 503). */
export const STATEMENT_TIMEOUT_MS = Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 15_000);

async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: CONNECTION_WAIT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
  });
  // An idle connection the server dropped (a restart, pg_terminate_backend) is an event, not a crash:
  // the pool discards it and opens a new one on demand.
  pool.on('error', (error) => logger().warn({ err: error }, 'database: idle connection lost'));
  const client = await pool.connect();
  try {
    // Migrations (and waiting for another instance's) may take longer than a request's statement.
    await client.query('set statement_timeout = 0');
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrateNodePg(drizzleNodePg({ client, schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    // Back to the pool's timeout (sent at connection start, so it is the session's default).
    await client.query('reset statement_timeout').catch(() => {});
    client.release();
  }
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Database;
  await runDataMigrations(db);
  return { db, engine: 'postgres', close: () => pool.end() };
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  let releaseLock = () => {};
  if (dataDir !== 'memory') {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    releaseLock = acquireDirectoryLock(`${dataDir}.lock`, dataDir);
  }
  try {
    const client = dataDir === 'memory' ? new PGlite() : new PGlite(dataDir);
    await client.waitReady;
    const pgliteDb = drizzlePglite({ client, schema });
    await migratePglite(pgliteDb, { migrationsFolder });
    await runDataMigrations(pgliteDb as unknown as Database);
    return {
      db: pgliteDb as unknown as Database,
      engine: 'pglite',
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

// The process-wide handle lives on globalThis so that Next's dev reloads reuse it instead of opening
// the PGlite directory twice from one process.
const HANDLE = Symbol.for('vigil.database');
type HandleHolder = { [HANDLE]?: Promise<OpenDatabase> };

/** The process-wide database, opened (and migrated, and demo-seeded where configured) on first use. */
export function getDatabase(): Promise<OpenDatabase> {
  const holder = globalThis as HandleHolder;
  holder[HANDLE] ??= openDatabase({ url: process.env.DATABASE_URL }).then(async (opened) => {
    if (shouldSeedDemoData()) {
      const { seedDemoDataIfEmpty } = await import('./seed');
      await seedDemoDataIfEmpty(opened.db);
    }
    return opened;
  });
  holder[HANDLE].catch(() => {
    // A failed open must not be cached forever: the next request tries again.
    delete holder[HANDLE];
  });
  return holder[HANDLE];
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** Tests install their own fresh database as the process-wide one. */
export function installDatabase(opened: OpenDatabase | undefined): void {
  const holder = globalThis as HandleHolder;
  if (opened) holder[HANDLE] = Promise.resolve(opened);
  else delete holder[HANDLE];
}

/** Demo data on an empty database: always in development, in production only when asked for. */
export function shouldSeedDemoData(): boolean {
  const setting = process.env.VIGIL_DEMO_DATA;
  if (setting !== undefined) return setting === 'true' || setting === '1';
  return process.env.NODE_ENV === 'development';
}
