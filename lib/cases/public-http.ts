/** Cache headers for public JSON: shared caches may keep it briefly; staff changes show within that time. */
export const PUBLIC_JSON_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, must-revalidate';
