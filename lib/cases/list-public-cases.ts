import 'server-only';
import { getDb } from '@/db/client';
import { type PublicCaseSummary } from './public';
import { readPublishedCases } from './public-queries';
import { URGENCY_LEVELS } from './vocabulary';

/** Every case the public may see (their published snapshots), most urgent first, then most recently updated. No session needed. */
export async function listPublicCases(): Promise<PublicCaseSummary[]> {
  const published = await readPublishedCases(await getDb());
  return published
    .map(
      (published): PublicCaseSummary => ({
        slug: published.slug,
        title: published.title,
        summary: published.summary,
        urgency: published.urgency,
        archived: published.archived,
        lastUpdatedAt: published.lastUpdatedAt,
        people: published.people,
      }),
    )
    .sort(
      (a, b) =>
        Number(a.archived) - Number(b.archived) ||
        URGENCY_LEVELS.indexOf(a.urgency) - URGENCY_LEVELS.indexOf(b.urgency) ||
        b.lastUpdatedAt.localeCompare(a.lastUpdatedAt),
    );
}
