/**
 * CSV import: every row is checked before anything is written, so a file with one bad row changes
 * nothing and the error names its line and column. Rows are matched to the directory by key: a known
 * key updates the target, a new one creates it.
 */
import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { letterTargets } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { parseCsv, unguardCell } from './csv';
import { type ImportTargetsInput, importTargetsSchema, type TargetFields, targetFieldsSchema } from './schemas';
import { csvColumnOf, csvRowFields } from './target-record';
import { TARGET_CSV_COLUMNS, TARGET_CSV_REQUIRED_COLUMNS, type TargetCsvColumn } from './vocabulary';

export interface ImportSummary {
  created: number;
  updated: number;
}

const MAX_ROWS = 2000;

/** "csvProblem:<kind>:<line>[:<column>[:<reason>]]", shown by the import form in words. */
function problem(kind: string, line: number, column?: string, reason?: string) {
  return fieldError('csv', ['csvProblem', kind, line, column, reason].filter((part) => part !== undefined).join(':'));
}

export async function importTargets(session: StaffSession | null, input: ImportTargetsInput): Promise<OperationResult<ImportSummary>> {
  const actor = await authorize(session, 'targets.import');
  const { csv } = importTargetsSchema.parse(input);
  const parsed = parseCsv(csv);
  if (!parsed.ok) return problem('quotes', parsed.line);
  const [header, ...rows] = parsed.rows;
  if (!header) return problem('empty', 1);
  const columns = header.map((cell) => cell.trim().toLowerCase());
  const unknown = columns.find((column) => !(TARGET_CSV_COLUMNS as readonly string[]).includes(column));
  if (unknown !== undefined) return problem('unknownColumn', 1, unknown);
  const missing = TARGET_CSV_REQUIRED_COLUMNS.find((column) => !columns.includes(column));
  if (missing) return problem('missingColumn', 1, missing);
  if (rows.length === 0) return problem('empty', 2);
  if (rows.length > MAX_ROWS) return problem('tooManyRows', MAX_ROWS + 2);

  const targets: TargetFields[] = [];
  const keys = new Set<string>();
  for (const [index, cells] of rows.entries()) {
    const line = index + 2;
    const result = targetFieldsSchema.safeParse(csvRowFields(columns as TargetCsvColumn[], cells.map(unguardCell)));
    if (!result.success) {
      const issue = result.error.issues[0]!;
      return problem('invalid', line, csvColumnOf(String(issue.path[0] ?? '')), issue.message);
    }
    if (keys.has(result.data.key)) return problem('duplicateKey', line, 'key');
    keys.add(result.data.key);
    targets.push(result.data);
  }

  const db = await getDb();
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ key: letterTargets.key })
      .from(letterTargets)
      .where(inArray(letterTargets.key, [...keys]));
    const known = new Set(existing.map((row) => row.key));
    for (const target of targets) {
      const changes: Partial<TargetFields> = { ...target };
      delete changes.key;
      await tx
        .insert(letterTargets)
        .values(target)
        .onConflictDoUpdate({ target: letterTargets.key, set: { ...changes, updatedAt: sql`now()` } });
    }
    const summary = { created: targets.length - known.size, updated: known.size };
    await recordAudit(tx, { userId: actor.userId, email: actor.email, ip: actor.ip }, {
      action: 'targets.import',
      entityType: 'letter_target',
      entityId: 'csv',
      after: { ...summary, keys: [...keys] },
    });
    return succeeded(summary);
  });
}
