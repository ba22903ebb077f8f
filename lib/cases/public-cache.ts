/** Public case reads, cached and expired the one way (lib/cache/public-cache.ts). */
import 'server-only';
import { cachedPublicRead, expirePublicTag } from '@/lib/cache/public-cache';
import { getPublicCase } from './get-public-case';
import { listPublicCases } from './list-public-cases';

export const PUBLIC_CASES_TAG = 'public-cases';

export const cachedPublicCases = cachedPublicRead(listPublicCases, 'public-cases-list', PUBLIC_CASES_TAG);
export const cachedPublicCase = cachedPublicRead(getPublicCase, 'public-case', PUBLIC_CASES_TAG);

/** Called by every write that can change what the public sees of a case. */
export function revalidatePublicCases(): void {
  expirePublicTag(PUBLIC_CASES_TAG);
}
