import { NextResponse } from 'next/server';
import { databaseAnswers } from '@/lib/health/check-database';

export const dynamic = 'force-dynamic';

export async function GET() {
  const ok = await databaseAnswers();
  return NextResponse.json(
    ok ? { status: 'ok', database: 'ok' } : { status: 'error', database: 'unavailable' },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
