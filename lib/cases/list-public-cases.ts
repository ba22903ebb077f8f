import 'server-only';
import { getDb } from '@/db/client';
import { cases } from '@/db/schema';
import { type PublicCaseSummary, toPublicCaseSummary } from './public';
import { caseIsPublic, loadPublicPeople, publicCaseColumns } from './public-queries';
import { URGENCY_LEVELS } from './vocabulary';

/** Every case the public may see, most urgent first, then most recently updated. No session needed. */
export async function listPublicCases(): Promise<PublicCaseSummary[]> {
  const db = await getDb();
  const rows = await db.select(publicCaseColumns).from(cases).where(caseIsPublic);
  const peopleByCase = await loadPublicPeople(
    db,
    rows.map((row) => row.id),
  );
  return rows
    .map((row) => toPublicCaseSummary(row, peopleByCase.get(row.id) ?? []))
    .sort(
      (a, b) =>
        Number(a.archived) - Number(b.archived) ||
        URGENCY_LEVELS.indexOf(a.urgency) - URGENCY_LEVELS.indexOf(b.urgency) ||
        b.lastUpdatedAt.localeCompare(a.lastUpdatedAt),
    );
}
