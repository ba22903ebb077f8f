/**
 * Public reads cached by Next and tagged, the one way every domain caches what the public sees: a
 * viral page is served from cache, refreshed when staff change what it shows (expirePublicTag) or, as a
 * backstop, after PUBLIC_CACHE_SECONDS. Expiry reaches every instance (shared-cache-handler.ts).
 */
import 'server-only';
import { revalidateTag, unstable_cache } from 'next/cache';

/** Seconds a cached public page may be served before it is refreshed in the background. */
const PUBLIC_CACHE_SECONDS = 60;

/** `read`, cached under `key` and expired with `tag` (or any of several, for a read that shows more than one domain's data). */
export function cachedPublicRead<Args extends unknown[], T>(read: (...args: Args) => Promise<T>, key: string, tag: string | string[]): (...args: Args) => Promise<T> {
  return unstable_cache(read, [key], { tags: Array.isArray(tag) ? tag : [tag], revalidate: PUBLIC_CACHE_SECONDS });
}

/** Called by every write that can change what the public sees under `tag`. */
export function expirePublicTag(tag: string): void {
  try {
    revalidateTag(tag, { expire: 0 });
  } catch (error) {
    // Outside a Next.js request (integration tests, terminal scripts) this process has no page cache to expire.
    if (error instanceof Error && error.message.includes('static generation store missing')) return;
    throw error;
  }
}
