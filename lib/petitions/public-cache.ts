/**
 * Public petition reads, cached by Next and tagged like the case pages: refreshed when organizers
 * change a petition (revalidatePublicPetitions) or after at most a minute. The count is not part of
 * them: pages fetch it from the count API.
 */
import 'server-only';
import { revalidateTag, unstable_cache } from 'next/cache';
import { PUBLIC_CACHE_SECONDS } from '@/lib/cases/public-cache';
import { getCasePetition, getPublicPetition } from './get-public-petition';

export const PUBLIC_PETITIONS_TAG = 'public-petitions';

export const cachedPublicPetition = unstable_cache(getPublicPetition, ['public-petition'], {
  tags: [PUBLIC_PETITIONS_TAG],
  revalidate: PUBLIC_CACHE_SECONDS,
});

export const cachedCasePetition = unstable_cache(getCasePetition, ['case-petition'], {
  tags: [PUBLIC_PETITIONS_TAG],
  revalidate: PUBLIC_CACHE_SECONDS,
});

export function revalidatePublicPetitions(): void {
  try {
    revalidateTag(PUBLIC_PETITIONS_TAG, { expire: 0 });
  } catch (error) {
    // Outside a Next.js request (integration tests, terminal scripts) this process has no page cache to expire.
    if (error instanceof Error && error.message.includes('static generation store missing')) return;
    throw error;
  }
}
