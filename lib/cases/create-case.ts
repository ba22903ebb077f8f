import 'server-only';
import { eq } from 'drizzle-orm';
import { cases } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordChange } from './case-records';
import { createCaseSchema } from './schemas';

/** Opens a case file. A new case is never public: the public sees it once a publication request is approved. */
export const createCase = defineOperation({
  name: 'cases.create',
  input: createCaseSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, actor }, fields): Promise<OperationResult<{ caseId: string }>> {
    const [taken] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.slug, fields.slug));
    if (taken) return fieldError('slug', 'slugTaken');
    const [row] = await tx.insert(cases).values(fields).onConflictDoNothing({ target: cases.slug }).returning({ id: cases.id });
    if (!row) return fieldError('slug', 'slugTaken');
    await recordChange(tx, actor, { kind: 'case', id: row.id, caseId: row.id, changeKind: 'created', action: 'cases.create' });
    return succeeded({ caseId: row.id });
  },
});
