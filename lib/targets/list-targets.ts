import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { letterTargets } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import type { TargetRecord } from './target-record';
import { targetColumns } from './target-queries';

/** The whole directory, by host country and kind. */
export async function listTargets(session: StaffSession | null): Promise<TargetRecord[]> {
  await authorize(session, 'targets.list');
  const db = await getDb();
  return db
    .select(targetColumns)
    .from(letterTargets)
    .orderBy(asc(letterTargets.hostCountry), asc(letterTargets.kind), asc(letterTargets.nameEn));
}
