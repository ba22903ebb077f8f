import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { publicSnapshots } from '@/db/schema';
import type { PublicCase } from './public';
import { readPublishedCases } from './public-queries';

/** One case as the public may see it (its published snapshot), or null when none is public at that address. */
export async function getPublicCase(slug: string): Promise<PublicCase | null> {
  const [publicCase] = await readPublishedCases(await getDb(), eq(publicSnapshots.slug, slug));
  return publicCase ?? null;
}
