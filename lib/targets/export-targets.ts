import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { letterTargets } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { toCsv } from './csv';
import { targetCsvRow } from './target-record';
import { targetColumns } from './target-queries';
import { TARGET_CSV_COLUMNS } from './vocabulary';

/** The directory as CSV, one row per target, in the columns import reads. */
export async function exportTargets(session: StaffSession | null): Promise<string> {
  await authorize(session, 'targets.export');
  const db = await getDb();
  const targets = await db.select(targetColumns).from(letterTargets).orderBy(asc(letterTargets.key));
  return toCsv([[...TARGET_CSV_COLUMNS], ...targets.map(targetCsvRow)]);
}
