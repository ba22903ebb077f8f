import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/**
 * The benchmark's baseline (bench/sign.ts): a route handler of this same app that parses the JSON
 * body and answers what the signing API answers, touching nothing else. A route only in the
 * benchmarks' build (VIGIL_BENCH_BUILD=1, see next.config.js); a production build leaves it out.
 */
export async function POST(request: Request) {
  JSON.parse(await request.text());
  return NextResponse.json({ status: 'pending_confirmation' }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
}
