import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { petitionBlocklist } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import type { BlocklistKind } from './vocabulary';

export interface BlocklistEntry {
  id: string;
  kind: BlocklistKind;
  value: string;
  note: string;
  createdAt: string;
}

export const listBlocklist = defineOperation({
  name: 'blocklists.read',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db }) {
    const rows = await db
      .select({
        id: petitionBlocklist.id,
        kind: petitionBlocklist.kind,
        value: sql<string>`coalesce(${petitionBlocklist.domain}, ${petitionBlocklist.ipRange}::text, ${petitionBlocklist.ipHash})`,
        note: petitionBlocklist.note,
        createdAt: petitionBlocklist.createdAt,
      })
      .from(petitionBlocklist)
      .orderBy(asc(petitionBlocklist.kind), asc(petitionBlocklist.createdAt));
    return succeeded<BlocklistEntry[]>(rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })));
  },
});
