/**
 * Runs a hot statement as a named prepared statement on Postgres: each pooled connection parses and
 * plans it once instead of on every call (planning the signing statement costs more than running
 * it). Build the statement once with `prepareStatement`, its varying values as `sql.placeholder(...)`,
 * and run it with the values: the SQL text is rendered once per process, not per call. On PGlite
 * (one connection, development) it runs as a plain parameterised query.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import { getDatabase } from '@/db/client';

const dialect = new PgDialect();

export interface PreparedStatement {
  name: string;
  text: string;
  params: unknown[];
}

export function prepareStatement(query: SQL): PreparedStatement {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { name: `vigil_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text, params };
}

export async function runPrepared<Row>(statement: PreparedStatement, values: Record<string, unknown>): Promise<Row[]> {
  const params = fillPlaceholders(statement.params, values);
  const { db, engine } = await getDatabase();
  if (engine === 'postgres') {
    const pool = (db as unknown as { $client: Pool }).$client;
    return (await pool.query({ name: statement.name, text: statement.text, values: params })).rows as Row[];
  }
  const pglite = (db as unknown as { $client: PGlite }).$client;
  return (await pglite.query<Row>(statement.text, params)).rows;
}
