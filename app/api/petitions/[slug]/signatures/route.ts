/**
 * The HTTP face of signing: the sign form, the embed widget and partners' servers all come here. The
 * signing itself is lib/petitions/sign-petition.ts; this turns its outcome into a status code and a JSON
 * body partners can act on (API codes such as `closed`, not the form's catalog keys).
 */
import { NextResponse } from 'next/server';
import { siteOrigin } from '@/lib/auth/request-origin';
import { type SignOutcome, signPetition } from '@/lib/petitions/sign-petition';
import { SIGNING_REFUSAL_ERRORS } from '@/lib/petitions/vocabulary';
import { clientAddress } from '@/lib/http/client-address';
import { readBoundedBody } from '@/lib/http/read-bounded-body';
import { unavailableResponse } from '@/lib/http/unavailable-response';
import { logger } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { requestId } from '@/lib/observability/request-id';
import { asUnavailable } from '@/lib/runtime/unavailable';
import en from '@/messages/en/petitions.json';

export const dynamic = 'force-dynamic';

/** Larger bodies are refused before parsing (413). */
const MAX_SIGNING_BODY_BYTES = 8 * 1024;
/** A body not received within this time is refused (408): a slow upload must not hold a slot. */
const SIGNING_BODY_DEADLINE_MS = 10_000;

const json = (status: number, body: unknown) => NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

function signingResponse(outcome: SignOutcome): Response {
  switch (outcome.kind) {
    case 'accepted':
      return json(202, { status: 'pending_confirmation' });
    case 'invalid': {
      const messages = en.petitionErrors as Record<string, string>;
      return json(400, { error: 'invalid_field', field: outcome.field, code: outcome.error, message: messages[outcome.error] ?? 'Invalid value.' });
    }
    case 'not_found':
      return json(404, { error: 'not_found', message: 'No open petition has this address.' });
    case 'not_accepting':
      return json(409, { error: SIGNING_REFUSAL_ERRORS[outcome.reason], message: en.petition.refusal[outcome.reason] });
    case 'idempotency_key_reused':
      return json(422, { error: 'idempotency_key_reused', message: 'This Idempotency-Key was used with a different request.' });
  }
}

/** An Idempotency-Key header as partners send it (printable ASCII, at most 200 characters), or the 400 that refuses it. */
function parseIdempotencyKey(value: string | null): { key: string | null } | { refusal: Response } {
  if (value === null) return { key: null };
  if (/^[\x21-\x7e]{1,200}$/.test(value)) return { key: value };
  return { refusal: json(400, { error: 'invalid_field', field: 'Idempotency-Key', code: 'idempotencyKeyInvalid', message: 'Use 1 to 200 printable ASCII characters.' }) };
}

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const idempotency = parseIdempotencyKey(request.headers.get('idempotency-key'));
  if ('refusal' in idempotency) return idempotency.refusal;
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
    return signingResponse(outcome);
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
