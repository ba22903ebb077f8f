import { NextResponse } from 'next/server';
import { metricsAccess, readMetrics } from '@/lib/observability/read-metrics';

export const dynamic = 'force-dynamic';

/** Prometheus metrics, behind VIGIL_METRICS_TOKEN (see README, Operations). */
export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get('authorization'));
  if (access === 'disabled') return NextResponse.json({ error: 'not_found' }, { status: 404 });
  if (access === 'denied') return NextResponse.json({ error: 'unauthorized' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  const { contentType, text } = await readMetrics();
  return new NextResponse(text, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}
