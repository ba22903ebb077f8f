/**
 * The supporters' letter page's data, cached like the public case pages and expired with them
 * (revalidatePublicCases), so a new supporters' template shows at once and a crowd costs one query.
 */
import 'server-only';
import { cachedPublicRead } from '@/lib/cache/public-cache';
import { PUBLIC_CASES_TAG } from '@/lib/cases/public-cache';
import { PUBLIC_TARGETS_TAG } from '@/lib/targets/public-cache';
import { getSupporterLetterKit } from './get-supporter-letter-kit';

// The kit names embassies from the directory too: a corrected address is on the page at once.
export const cachedSupporterLetterKit = cachedPublicRead(getSupporterLetterKit, 'supporter-letter-kit', [PUBLIC_CASES_TAG, PUBLIC_TARGETS_TAG]);
