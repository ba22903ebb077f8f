/**
 * Next's cache handler for Vigil's production server. Cached pages and data live in each instance's
 * memory, but tag expiry lives in Postgres: when any instance expires a tag (a case changed, an event
 * was retracted), every instance stops serving what carries that tag at its next request. Nothing
 * about what the public may see depends on which instance answers.
 *
 * `npm run build` compiles it (with the database code it imports) to .next/vigil-server/, which Next
 * loads in the production server; it imports the database by relative path.
 */
import { inArray, max, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { cacheTagExpirations } from '../../db/schema/cache';
import { noteLocalExpiry } from './expiry-watch';

interface StoredEntry {
  value: unknown;
  lastModified: number;
  cacheControl: unknown;
  tags: string[];
}

interface GetContext {
  kind?: string;
  tags?: string[];
  softTags?: string[];
}

interface SetContext {
  tags?: string[];
  fetchCache?: boolean;
  cacheControl?: unknown;
}

export interface SharedCacheHandlerOptions {
  /** Entries of this instance; tests give each simulated instance its own. */
  store?: Map<string, StoredEntry>;
  /** An expiry up to this long before an entry was stored still drops it (clock skew between hosts). */
  skewMarginMs?: number;
  maxEntries?: number;
}

const TAGS_HEADER = 'x-next-cache-tags';
// Next creates a handler per request: the entries of this instance live in the module.
const instanceStore = new Map<string, StoredEntry>();

export async function expireCacheTags(tags: string[]): Promise<void> {
  const unique = [...new Set(tags)].filter(Boolean);
  if (unique.length === 0) return;
  const db = await getDb();
  await db
    .insert(cacheTagExpirations)
    .values(unique.map((tag) => ({ tag, expiredAt: sql`now()` })))
    .onConflictDoUpdate({
      target: cacheTagExpirations.tag,
      set: { expiredAt: sql`now()`, updatedAt: sql`now()` },
    });
}

/** The latest expiry of any of the tags, in epoch milliseconds, or null if none was ever expired. */
export async function latestTagExpiry(tags: string[]): Promise<number | null> {
  const db = await getDb();
  const [row] = await db
    .select({ latest: max(cacheTagExpirations.expiredAt) })
    .from(cacheTagExpirations)
    .where(inArray(cacheTagExpirations.tag, [...new Set(tags)]));
  return row?.latest ? new Date(row.latest).getTime() : null;
}

export default class SharedCacheHandler {
  private readonly store: Map<string, StoredEntry>;
  private readonly skewMarginMs: number;
  private readonly maxEntries: number;

  constructor(options: SharedCacheHandlerOptions = {}) {
    this.store = options.store ?? instanceStore;
    this.skewMarginMs = options.skewMarginMs ?? 2000;
    this.maxEntries = options.maxEntries ?? 5000;
  }

  async get(key: string, context: GetContext = {}) {
    const found = await this.find(key, context);
    metrics().cacheLookups.inc({ cache: 'pages', result: found ? 'hit' : 'miss' });
    return found;
  }

  private async find(key: string, context: GetContext) {
    const entry = this.store.get(key);
    if (!entry) return null;
    const tags = [...entry.tags, ...(context.tags ?? []), ...(context.softTags ?? [])];
    if (tags.length > 0) {
      let latest: number | null;
      try {
        latest = await latestTagExpiry(tags);
      } catch (error) {
        // Without the database we cannot know what was retracted: render afresh rather than risk it.
        logger().error({ err: error }, 'cache: tag expiry unavailable, treating as a miss');
        return null;
      }
      if (latest !== null && latest >= entry.lastModified - this.skewMarginMs) {
        this.store.delete(key);
        return null;
      }
    }
    // Least recently used goes first when the store is full.
    this.store.delete(key);
    this.store.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
  }

  async set(key: string, data: unknown, context: SetContext = {}) {
    if (!data) {
      this.store.delete(key);
      return;
    }
    const headers = (data as { headers?: Record<string, unknown> }).headers;
    const headerTags = typeof headers?.[TAGS_HEADER] === 'string' ? String(headers[TAGS_HEADER]).split(',') : [];
    this.store.delete(key);
    this.store.set(key, {
      value: data,
      lastModified: Date.now(),
      cacheControl: context.fetchCache ? undefined : context.cacheControl,
      tags: [...(context.tags ?? []), ...headerTags].filter(Boolean),
    });
    while (this.store.size > this.maxEntries) {
      const oldest = this.store.keys().next().value;
      if (oldest === undefined) break;
      this.store.delete(oldest);
    }
  }

  async revalidateTag(tags: string | string[]) {
    const list = typeof tags === 'string' ? [tags] : tags;
    // Every expiry is immediate: a stale copy of something just made private is never served.
    await expireCacheTags(list);
    noteLocalExpiry();
    for (const [key, entry] of this.store) {
      if (entry.tags.some((tag) => list.includes(tag))) this.store.delete(key);
    }
  }

  resetRequestCache() {}
}
