import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { letterTemplates } from '@/db/schema';
import { revalidatePublicCases } from '@/lib/cases/public-cache';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { publicCaseId } from './save-template';
import { updateTemplateSchema } from './schemas';

/** Saves a new version of the template; letters already generated keep the version they were made from. */
export const updateTemplate = defineOperation({
  name: 'templates.update',
  input: updateTemplateSchema,
  writes: true,
  // A supporters' template (before or after) shows on the public letter page.
  changesPublicView: true,
  async run({ tx, audit, afterCommit }, { templateId, caseSlug, ...fields }): Promise<OperationResult<{ templateId: string; version: number }>> {
    const [before] = await tx.select().from(letterTemplates).where(eq(letterTemplates.id, templateId)).for('update');
    if (!before) return fieldError('templateId', 'recordInvalid');
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
    await audit({
      entityType: 'letter_template',
      entityId: templateId,
      before: { caseId: before.caseId, name: before.name, purpose: before.purpose, language: before.language, body: before.body, version: before.version },
      after: { ...fields, caseId, version },
    });
    // The supporters' letter page shows supporters' templates: expire it with the public pages.
    if (fields.purpose === 'supporter' || before.purpose === 'supporter') afterCommit(revalidatePublicCases);
    return succeeded({ templateId, version });
  },
});
