import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { siteOrigin } from '@/lib/auth/request-origin';
import { readLimitedText } from '@/lib/http/read-limited-body';
import { signPetition } from '@/lib/petitions/sign-petition';
import { MAX_SIGNING_BODY_BYTES, parseIdempotencyKey, signingResponse } from '@/lib/petitions/signing-api';
import { signerAddress } from '@/lib/petitions/signer-address';

export const dynamic = 'force-dynamic';

const json = (status: number, body: unknown, headers?: Record<string, string>) =>
  NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

/** Signs a petition: the sign form, the embed widget and partners' servers all come here. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const idempotency = parseIdempotencyKey(request.headers.get('idempotency-key'));
  if ('error' in idempotency) return json(idempotency.error.status, idempotency.error.body);
  const read = await readLimitedText(request, MAX_SIGNING_BODY_BYTES);
  // Refused while the body is still arriving; the connection is closed rather than drained.
  if ('tooLarge' in read) return json(413, { error: 'too_large' }, { Connection: 'close' });
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return json(400, { error: 'invalid_json', field: 'body', message: 'Send the fields as a JSON object.' });
  }
  try {
    const outcome = await signPetition(slug, body, {
      ip: signerAddress(request.headers),
      origin: await siteOrigin(),
      idempotencyKey: idempotency.key,
    });
    const response = signingResponse(outcome);
    return json(response.status, response.body, response.headers);
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    console.error(`[vigil] signing failed (reference ${reference})`, error);
    return json(500, { error: 'unexpected', reference });
  }
}
