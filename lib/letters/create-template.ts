import 'server-only';
import { getDb } from '@/db/client';
import { letterTemplates } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import { revalidatePublicCases } from '@/lib/cases/public-cache';
import type { StaffSession } from '@/lib/auth/staff-session';
import { publicCaseId } from './save-template';
import { createTemplateSchema, type TemplateFieldsInput } from './schemas';

export async function createTemplate(session: StaffSession | null, input: TemplateFieldsInput): Promise<OperationResult<{ templateId: string }>> {
  const actor = await authorize(session, 'templates.create');
  const { caseSlug, ...fields } = createTemplateSchema.parse(input);
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const caseId = await publicCaseId(tx, caseSlug);
    if (!caseId) return fieldError('caseSlug', 'caseNotPublic');
    const [row] = await tx
      .insert(letterTemplates)
      .values({ ...fields, caseId })
      .onConflictDoNothing()
      .returning({ id: letterTemplates.id });
    if (!row) return fieldError('purpose', 'supporterTemplateExists');
    await recordAudit(tx, { userId: actor.userId, email: actor.email, ip: actor.ip }, {
      action: 'templates.create',
      entityType: 'letter_template',
      entityId: row.id,
      after: { ...fields, caseId, version: 1 },
    });
    return succeeded({ templateId: row.id });
  });
  // The supporters' letter page shows supporters' templates: expire it with the public pages.
  if (outcome.ok && fields.purpose === 'supporter') revalidatePublicCases();
  return outcome;
}
