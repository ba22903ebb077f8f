import { NextResponse } from 'next/server';
import { getPetitionCount } from '@/lib/petitions/get-petition-count';
import { COUNT_CACHE_CONTROL } from '@/lib/petitions/public';

export const dynamic = 'force-dynamic';

/** `{"confirmed": n, "goal": g}`: what progress bars poll. Never more than 5 seconds old. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const count = await getPetitionCount(slug);
  if (!count) return NextResponse.json({ error: 'not_found' }, { status: 404, headers: { 'Cache-Control': COUNT_CACHE_CONTROL } });
  return NextResponse.json(count, { headers: { 'Cache-Control': COUNT_CACHE_CONTROL } });
}
