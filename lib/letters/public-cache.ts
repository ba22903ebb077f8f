/**
 * The supporters' letter page's data, cached like the public case pages and expired with them
 * (revalidatePublicCases), so a new supporters' template shows at once and a crowd costs one query.
 */
import 'server-only';
import { unstable_cache } from 'next/cache';
import { PUBLIC_CACHE_SECONDS, PUBLIC_CASES_TAG } from '@/lib/cases/public-cache';
import { getSupporterLetterKit } from './get-supporter-letter-kit';

export const cachedSupporterLetterKit = unstable_cache(getSupporterLetterKit, ['supporter-letter-kit'], {
  tags: [PUBLIC_CASES_TAG],
  revalidate: PUBLIC_CACHE_SECONDS,
});
