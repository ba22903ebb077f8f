/**
 * Runs a hot statement as a named prepared statement on Postgres: each pooled connection parses and
 * plans it once instead of on every call (planning the signing statement costs more than running
 * it). The statement's text must not depend on its values: drizzle's `sql` template passes every
 * value as a parameter, so it does not. On PGlite (one connection, development) it simply runs.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import { getDatabase } from '@/db/client';

const dialect = new PgDialect();
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `vigil_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    if (names.size > 100) names.clear();
    names.set(text, name);
  }
  return name;
}

export async function runPrepared<Row>(query: SQL): Promise<Row[]> {
  const { db, engine } = await getDatabase();
  if (engine === 'postgres') {
    const { sql: text, params } = dialect.sqlToQuery(query);
    const pool = (db as unknown as { $client: Pool }).$client;
    return (await pool.query({ name: statementName(text), text, values: params as unknown[] })).rows as Row[];
  }
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}
