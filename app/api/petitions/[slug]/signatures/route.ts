import { NextResponse } from 'next/server';
import { siteOrigin } from '@/lib/auth/request-origin';
import { signPetition } from '@/lib/petitions/sign-petition';
import { MAX_SIGNING_BODY_BYTES, parseIdempotencyKey, SIGNING_BODY_DEADLINE_MS, signingResponse } from '@/lib/petitions/signing-api';
import { clientAddress } from '@/lib/http/client-address';
import { readBoundedBody } from '@/lib/http/read-bounded-body';
import { unavailableResponse } from '@/lib/http/unavailable-response';
import { logger } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { requestId } from '@/lib/observability/request-id';
import { asUnavailable } from '@/lib/runtime/unavailable';

export const dynamic = 'force-dynamic';

const json = (status: number, body: unknown, headers?: Record<string, string>) =>
  NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

/** Signs a petition: the sign form, the embed widget and partners' servers all come here. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const idempotency = parseIdempotencyKey(request.headers.get('idempotency-key'));
  if ('error' in idempotency) return json(idempotency.error.status, idempotency.error.body);
  const read = await readBoundedBody(request, MAX_SIGNING_BODY_BYTES, SIGNING_BODY_DEADLINE_MS);
  if ('refused' in read) return json(read.refused, { error: read.refused === 413 ? 'too_large' : 'body_timeout' });
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return json(400, { error: 'invalid_json', field: 'body', message: 'Send the fields as a JSON object.' });
  }
  try {
    const outcome = await signPetition(slug, body, {
      ip: clientAddress(request.headers),
      origin: await siteOrigin(),
      idempotencyKey: idempotency.key,
    });
    const response = signingResponse(outcome);
    return json(response.status, response.body, response.headers);
  } catch (error) {
    // Full (a bound or deadline was reached) or the database is away: try again soon, not a bug.
    const unavailable = asUnavailable(error);
    if (unavailable) {
      metrics().signingRefused.inc({ reason: unavailable.reason });
      return unavailableResponse(unavailable);
    }
    const reference = requestId(request.headers);
    logger().error({ err: error, requestId: reference }, 'signing failed');
    return json(500, { error: 'unexpected', reference });
  }
}
