import { stopNews } from '@/lib/petitions/stop-news';

export const dynamic = 'force-dynamic';

/**
 * POST /api/petitions/news-off/<token>: the one-click unsubscribe of the List-Unsubscribe header
 * (RFC 8058; the client posts "List-Unsubscribe=One-Click"). Stops news mails, keeps the signature.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await stopNews(token);
  const headers = { 'Cache-Control': 'no-store' };
  if (view.state === 'invalid') return Response.json({ error: 'unknown_link' }, { status: 404, headers });
  return Response.json({ newsMails: 'stopped' }, { status: 200, headers });
}
