import { NextResponse } from 'next/server';
import { cachedPublicCases } from '@/lib/cases/public-cache';
import { PUBLIC_JSON_CACHE_CONTROL } from '@/lib/cases/public-http';

export const dynamic = 'force-dynamic';

export async function GET() {
  const cases = await cachedPublicCases();
  return NextResponse.json({ cases }, { headers: { 'Cache-Control': PUBLIC_JSON_CACHE_CONTROL } });
}
