import 'server-only';
import { letterTemplates } from '@/db/schema';
import { revalidatePublicCases } from '@/lib/cases/public-cache';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { publicCaseId } from './save-template';
import { createTemplateSchema } from './schemas';

export const createTemplate = defineOperation({
  name: 'templates.create',
  input: createTemplateSchema,
  writes: true,
  // A supporters' template shows on the public letter page.
  changesPublicView: true,
  async run({ tx, audit }, { caseSlug, ...fields }): Promise<OperationResult<{ templateId: string }>> {
    const caseId = await publicCaseId(tx, caseSlug);
    if (!caseId) return fieldError('caseSlug', 'caseNotPublic');
    const [row] = await tx
      .insert(letterTemplates)
      .values({ ...fields, caseId })
      .onConflictDoNothing()
      .returning({ id: letterTemplates.id });
    if (!row) return fieldError('purpose', 'supporterTemplateExists');
    await audit({ entityType: 'letter_template', entityId: row.id, after: { ...fields, caseId, version: 1 } });
    return succeeded({ templateId: row.id });
  },
  // The supporters' letter page shows supporters' templates: expire it with the public pages.
  afterCommit: (_value, { purpose }) => {
    if (purpose === 'supporter') revalidatePublicCases();
  },
});
