import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases } from '@/db/schema';
import { type PublicCase, toPublicCaseSummary } from './public';
import { caseIsPublic, loadPublicCorrections, loadPublicPeople, loadPublicTimeline, publicCaseColumns } from './public-queries';

/** One case as the public may see it, or null when it is unknown, a draft, or not a public campaign. */
export async function getPublicCase(slug: string): Promise<PublicCase | null> {
  const db = await getDb();
  const [row] = await db
    .select(publicCaseColumns)
    .from(cases)
    .where(and(eq(cases.slug, slug), caseIsPublic))
    .limit(1);
  if (!row) return null;
  const [peopleByCase, timeline, corrections] = await Promise.all([
    loadPublicPeople(db, [row.id]),
    loadPublicTimeline(db, row.id),
    loadPublicCorrections(db, row.id),
  ]);
  return { ...toPublicCaseSummary(row, peopleByCase.get(row.id) ?? []), timeline, corrections };
}
