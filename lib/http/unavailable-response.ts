import { NextResponse } from 'next/server';
import type { ServiceUnavailableError } from '@/lib/runtime/unavailable';

/** 503 with Retry-After (header and body), the one answer to "full or database away, try again soon". */
export function unavailableResponse(unavailable: ServiceUnavailableError): NextResponse {
  return NextResponse.json(
    { error: 'unavailable', reason: unavailable.reason, retryAfterSeconds: unavailable.retryAfterSeconds },
    { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(unavailable.retryAfterSeconds) } },
  );
}
