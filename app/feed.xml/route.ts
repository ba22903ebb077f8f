import { atomResponse } from '@/lib/cases/feed-response';
import { cachedPublicCase, cachedPublicCases } from '@/lib/cases/public-cache';
import type { PublicCase } from '@/lib/cases/public';

export const dynamic = 'force-dynamic';

/** The public events of every public case, newest first, as one Atom feed. */
export async function GET() {
  const summaries = await cachedPublicCases();
  const cases = (await Promise.all(summaries.map((summary) => cachedPublicCase(summary.slug)))).filter((item): item is PublicCase => item !== null);
  return atomResponse(cases, 'all');
}
