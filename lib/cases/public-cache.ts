/**
 * Public case reads, cached by Next and tagged, so that a viral case is served from cache and
 * refreshed when staff change it (revalidatePublicCases) or, as a backstop, every minute.
 */
import 'server-only';
import { revalidateTag, unstable_cache } from 'next/cache';
import { getPublicCase } from './get-public-case';
import { listPublicCases } from './list-public-cases';

export const PUBLIC_CASES_TAG = 'public-cases';
/** Seconds a cached public page may be served before it is refreshed in the background. */
export const PUBLIC_CACHE_SECONDS = 60;

export const cachedPublicCases = unstable_cache(listPublicCases, ['public-cases-list'], {
  tags: [PUBLIC_CASES_TAG],
  revalidate: PUBLIC_CACHE_SECONDS,
});

export const cachedPublicCase = unstable_cache(getPublicCase, ['public-case'], {
  tags: [PUBLIC_CASES_TAG],
  revalidate: PUBLIC_CACHE_SECONDS,
});

/** Called by every write that can change what the public sees. */
export function revalidatePublicCases(): void {
  try {
    revalidateTag(PUBLIC_CASES_TAG, { expire: 0 });
  } catch (error) {
    // Outside a Next.js request (integration tests, terminal scripts) this process has no page cache to expire.
    if (error instanceof Error && error.message.includes('static generation store missing')) return;
    throw error;
  }
}
