import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/health/check-readiness';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when this instance should get traffic, 503 (with the reason) when not. Liveness is /api/health/live. */
export async function GET() {
  const { ready, ...checks } = await checkReadiness();
  return NextResponse.json(
    { status: ready ? 'ok' : 'unready', ...checks },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store', ...(ready ? {} : { 'Retry-After': '5' }) } },
  );
}
