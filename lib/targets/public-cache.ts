/**
 * The directory's public face: verified embassies are on every supporter's letter page, so a change to
 * the directory expires what was cached from it, on every instance (lib/cache/public-cache.ts).
 */
import 'server-only';
import { expirePublicTag } from '@/lib/cache/public-cache';

export const PUBLIC_TARGETS_TAG = 'public-targets';

export function revalidatePublicTargets(): void {
  expirePublicTag(PUBLIC_TARGETS_TAG);
}
