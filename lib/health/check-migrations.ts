import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

let confirmed = false;

/** True when the database has every migration of drizzle/ (checked until true once, then remembered). */
export async function migrationsApplied(): Promise<boolean> {
  if (confirmed) return true;
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const db = await getDb();
  const result = (await db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`)) as unknown as { rows: { applied: number }[] };
  confirmed = (result.rows[0]?.applied ?? 0) >= journal.entries.length;
  return confirmed;
}
