import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, letterTemplates } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import type { TemplateRecord } from './template-record';

export async function listTemplates(session: StaffSession | null): Promise<TemplateRecord[]> {
  await authorize(session, 'templates.list');
  const db = await getDb();
  return db
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
    .orderBy(desc(letterTemplates.updatedAt))
    .then((rows) => rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })));
}
