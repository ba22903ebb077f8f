import 'server-only';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { letterTargets } from '@/db/schema';
import type { StaffFile } from '@/lib/http/staff-download';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import { toCsv } from './csv';
import { targetCsvRow } from './target-record';
import { targetColumns } from './target-queries';
import { TARGET_CSV_COLUMNS } from './vocabulary';

/** The directory as CSV, one row per target, in the columns import reads. */
export const exportTargets = defineOperation({
  name: 'targets.export',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db }) {
    const targets = await db.select(targetColumns).from(letterTargets).orderBy(asc(letterTargets.key));
    return succeeded<StaffFile>({
      fileName: `letter-targets-${new Date().toISOString().slice(0, 10)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: toCsv([[...TARGET_CSV_COLUMNS], ...targets.map(targetCsvRow)]),
    });
  },
});
