import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { letterTemplates } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import { revalidatePublicCases } from '@/lib/cases/public-cache';
import type { StaffSession } from '@/lib/auth/staff-session';
import { publicCaseId } from './save-template';
import { type UpdateTemplateInput, updateTemplateSchema } from './schemas';

/** Saves a new version of the template; letters already generated keep the version they were made from. */
export async function updateTemplate(session: StaffSession | null, input: UpdateTemplateInput): Promise<OperationResult<{ templateId: string; version: number }>> {
  const actor = await authorize(session, 'templates.update');
  const { templateId, caseSlug, ...fields } = updateTemplateSchema.parse(input);
  const db = await getDb();
  let wasSupporter = false;
  const outcome = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(letterTemplates).where(eq(letterTemplates.id, templateId)).for('update');
    if (!before) return fieldError('templateId', 'recordInvalid');
    wasSupporter = before.purpose === 'supporter';
    const caseId = await publicCaseId(tx, caseSlug);
    if (!caseId) return fieldError('caseSlug', 'caseNotPublic');
    if (fields.purpose === 'supporter') {
      const [clash] = await tx
        .select({ id: letterTemplates.id })
        .from(letterTemplates)
        .where(and(eq(letterTemplates.caseId, caseId), eq(letterTemplates.language, fields.language), eq(letterTemplates.purpose, 'supporter'), ne(letterTemplates.id, templateId)))
        .limit(1);
      if (clash) return fieldError('purpose', 'supporterTemplateExists');
    }
    const version = before.version + 1;
    await tx
      .update(letterTemplates)
      .set({ ...fields, caseId, version, updatedAt: sql`now()` })
      .where(eq(letterTemplates.id, templateId));
    await recordAudit(tx, { userId: actor.userId, email: actor.email, ip: actor.ip }, {
      action: 'templates.update',
      entityType: 'letter_template',
      entityId: templateId,
      before: { caseId: before.caseId, name: before.name, purpose: before.purpose, language: before.language, body: before.body, version: before.version },
      after: { ...fields, caseId, version },
    });
    return succeeded({ templateId, version });
  });
  // The supporters' letter page shows supporters' templates: expire it with the public pages.
  if (outcome.ok && (fields.purpose === 'supporter' || wasSupporter)) revalidatePublicCases();
  return outcome;
}
