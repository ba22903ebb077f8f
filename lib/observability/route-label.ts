/**
 * A request path as a metrics label: the route's pattern, never the path itself (slugs and tokens
 * would make a series per petition and leak them into the metrics). Pages are counted in two groups.
 */
const API_ROUTES: [RegExp, string][] = [
  [/^\/api\/petitions\/[^/]+\/signatures$/, '/api/petitions/[slug]/signatures'],
  [/^\/api\/petitions\/[^/]+\/count$/, '/api/petitions/[slug]/count'],
  [/^\/api\/petitions\/news-off\/[^/]+$/, '/api/petitions/news-off/[token]'],
  [/^\/api\/cases\/[^/]+$/, '/api/cases/[slug]'],
  [/^\/api\/cases$/, '/api/cases'],
  [/^\/api\/admin\/cases\/[^/]+\/dossier$/, '/api/admin/cases/[id]/dossier'],
  [/^\/api\/admin\/petitions\/[^/]+\/export$/, '/api/admin/petitions/[id]/export'],
  [/^\/api\/admin\/petitions\/[^/]+\/rally-kit$/, '/api/admin/petitions/[id]/rally-kit'],
  [/^\/api\/auth\//, '/api/auth'],
  [/^\/api\/letters\/(batch|supporter|targets)$/, '/api/letters/$1'],
  [/^\/api\/health\/live$/, '/api/health/live'],
  [/^\/api\/health$/, '/api/health'],
  [/^\/api\/metrics$/, '/api/metrics'],
];

export function routeLabel(pathname: string): string {
  if (pathname.startsWith('/api/')) {
    for (const [pattern, label] of API_ROUTES) {
      const match = pattern.exec(pathname);
      if (match) return label.replace('$1', match[1] ?? '');
    }
    return '/api/other';
  }
  if (pathname.startsWith('/_next/')) return 'next assets';
  return /^\/(?:[a-z]{2}\/)?admin(?:\/|$)/.test(pathname) ? 'staff pages' : 'public pages';
}
