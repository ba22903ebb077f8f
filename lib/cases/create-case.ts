import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { caseIsPublicNow, PublicationRequired, publicationRequiredAsFieldError, recordChange } from './case-records';
import { type CaseFieldsInput, createCaseSchema } from './schemas';

/** Opens a case file. A new case is never public: publication goes through requestPublication. */
export async function createCase(session: StaffSession | null, input: CaseFieldsInput): Promise<OperationResult<{ caseId: string }>> {
  const actor = await authorize(session, 'cases.create');
  const fields = createCaseSchema.parse(input);
  const db = await getDb();
  const [taken] = await db.select({ id: cases.id }).from(cases).where(eq(cases.slug, fields.slug));
  if (taken) return fieldError('slug', 'slugTaken');
  return db
    .transaction(async (tx): Promise<OperationResult<{ caseId: string }>> => {
      const [row] = await tx.insert(cases).values(fields).onConflictDoNothing({ target: cases.slug }).returning({ id: cases.id });
      if (!row) return fieldError('slug', 'slugTaken');
      if (await caseIsPublicNow(tx, row.id)) throw new PublicationRequired('lifecycle');
      await recordChange(tx, actorOf(actor), { kind: 'case', id: row.id, caseId: row.id, changeKind: 'created', action: 'cases.create' });
      return succeeded({ caseId: row.id });
    })
    .catch(publicationRequiredAsFieldError);
}
