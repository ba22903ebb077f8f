/** The Atom feeds' HTTP side: English labels, absolute URLs from the site's origin, public cache headers. */
import 'server-only';
import { getTranslations } from 'next-intl/server';
import { siteOrigin } from '@/lib/auth/request-origin';
import type { PublicCase } from './public';
import { buildAtomFeed, type FeedLabels } from './public-feed';
import { PUBLIC_JSON_CACHE_CONTROL } from './public-http';

async function feedLabels(): Promise<FeedLabels> {
  const t = await getTranslations({ locale: 'en' });
  return {
    verification: (event) => `${t('case.verification')}: ${t(`verification.${event.verification}`)}`,
    notice: (event) =>
      event.notice
        ? `${t(event.notice.kind === 'retraction' ? 'corrections.retracted' : 'corrections.corrected', { date: event.notice.on })}: ${event.notice.reason}`
        : null,
  };
}

export async function atomResponse(cases: PublicCase[], scope: { slug: string } | 'all'): Promise<Response> {
  const origin = await siteOrigin();
  const t = await getTranslations({ locale: 'en', namespace: 'site' });
  const labels = await feedLabels();
  const feedCases = cases.map((publicCase) => ({ publicCase, pageUrl: `${origin}/cases/${publicCase.slug}` }));
  const xml =
    scope === 'all'
      ? buildAtomFeed({ id: `${origin}/feed.xml`, title: t('name'), selfUrl: `${origin}/feed.xml`, pageUrl: `${origin}/`, cases: feedCases, labels })
      : buildAtomFeed({
          id: `${origin}/cases/${scope.slug}/feed.xml`,
          title: `${cases[0]?.title ?? ''} · ${t('name')}`,
          selfUrl: `${origin}/cases/${scope.slug}/feed.xml`,
          pageUrl: `${origin}/cases/${scope.slug}`,
          cases: feedCases,
          labels,
        });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': PUBLIC_JSON_CACHE_CONTROL } });
}
