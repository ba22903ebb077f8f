import { NextResponse } from 'next/server';
import { cachedPublicCase } from '@/lib/cases/public-cache';
import { PUBLIC_JSON_CACHE_CONTROL } from '@/lib/cases/public-http';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const publicCase = await cachedPublicCase(slug);
  if (!publicCase) return NextResponse.json({ error: 'No public case with this address.' }, { status: 404 });
  return NextResponse.json({ case: publicCase }, { headers: { 'Cache-Control': PUBLIC_JSON_CACHE_CONTROL } });
}
