import { atomResponse } from '@/lib/cases/feed-response';
import { cachedPublicCase } from '@/lib/cases/public-cache';

export const dynamic = 'force-dynamic';

/** The public events of one case, as an Atom feed. Unknown and non-public cases: 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const publicCase = await cachedPublicCase(slug);
  if (!publicCase) return new Response('No public case with this address.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return atomResponse([publicCase], { slug });
}
