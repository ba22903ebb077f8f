import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { petitionBlocklist } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import type { BlocklistKind } from './vocabulary';

export interface BlocklistEntry {
  id: string;
  kind: BlocklistKind;
  value: string;
  note: string;
  createdAt: string;
}

export async function listBlocklist(session: StaffSession | null): Promise<BlocklistEntry[]> {
  await authorize(session, 'blocklists.read');
  const db = await getDb();
  const rows = await db
    .select({
      id: petitionBlocklist.id,
      kind: petitionBlocklist.kind,
      value: sql<string>`coalesce(${petitionBlocklist.domain}, ${petitionBlocklist.ipRange}::text)`,
      note: petitionBlocklist.note,
      createdAt: petitionBlocklist.createdAt,
    })
    .from(petitionBlocklist)
    .orderBy(asc(petitionBlocklist.kind), asc(petitionBlocklist.createdAt));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
