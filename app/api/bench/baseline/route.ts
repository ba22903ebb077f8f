import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/**
 * The benchmark's baseline (bench/sign.ts): a route handler of this same app that parses the JSON
 * body and answers what the signing API answers, touching nothing else. It exists only while
 * VIGIL_BENCH_BASELINE=true (set by the benchmark); otherwise it is a 404 like any unknown path.
 */
export async function POST(request: Request) {
  if (process.env.VIGIL_BENCH_BASELINE !== 'true') return NextResponse.json({ error: 'not_found' }, { status: 404 });
  JSON.parse(await request.text());
  return NextResponse.json({ status: 'pending_confirmation' }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
}
