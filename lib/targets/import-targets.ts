/**
 * CSV import: every row is checked before anything is written, so a file with one bad row changes
 * nothing and the error names its line and column. Rows are matched to the directory by key: a known
 * key updates the target, a new one creates it.
 */
import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { letterTargets } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { parseCsv, unguardCell } from './csv';
import { importTargetsSchema, type TargetFields, targetFieldsSchema } from './schemas';
import { csvColumnOf, csvRowFields } from './target-record';
import { TARGET_CSV_COLUMNS, TARGET_CSV_REQUIRED_COLUMNS, type TargetCsvColumn } from './vocabulary';
import { revalidatePublicTargets } from './public-cache';

export interface ImportSummary {
  created: number;
  updated: number;
}

const MAX_ROWS = 2000;

/** "csvProblem:<kind>:<line>[:<column>[:<reason>]]", shown by the import form in words. */
function problem(kind: string, line: number, column?: string, reason?: string) {
  return fieldError('csv', ['csvProblem', kind, line, column, reason].filter((part) => part !== undefined).join(':'));
}

/** Every row checked, before the transaction opens; the rows to write, or the first problem. */
function readImport(csv: string): OperationResult<{ targets: TargetFields[]; keys: Set<string> }> {
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
  return succeeded({ targets, keys });
}

export const importTargets = defineOperation({
  name: 'targets.import',
  input: importTargetsSchema,
  writes: true,
  // Verified embassies and their addresses are on every supporter's letter page.
  changesPublicView: true,
  prepare: async (_context, { csv }) => readImport(csv),
  async run({ tx, audit }, _input, { targets, keys }): Promise<OperationResult<ImportSummary>> {
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
    await audit({ entityType: 'letter_target', entityId: 'csv', after: { ...summary, keys: [...keys] } });
    return succeeded(summary);
  },
  afterCommit: revalidatePublicTargets,
});
