/** The templates as organizers see them, newest first. No caller check: the operations that call it authorize. */
import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, letterTemplates } from '@/db/schema';
import type { TemplateRecord } from './template-record';

export async function loadTemplates(db: Database): Promise<TemplateRecord[]> {
  const rows = await db
    .select({
      id: letterTemplates.id,
      caseId: letterTemplates.caseId,
      caseSlug: cases.slug,
      caseTitle: cases.title,
      name: letterTemplates.name,
      purpose: letterTemplates.purpose,
      language: letterTemplates.language,
      body: letterTemplates.body,
      version: letterTemplates.version,
      updatedAt: letterTemplates.updatedAt,
    })
    .from(letterTemplates)
    .innerJoin(cases, eq(cases.id, letterTemplates.caseId))
    .orderBy(desc(letterTemplates.updatedAt));
  return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
}
