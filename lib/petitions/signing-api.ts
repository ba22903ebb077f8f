/**
 * The HTTP face of signing, shared by POST /api/petitions/[slug]/signatures (partners, the sign
 * form, the widget): turns a SignOutcome into a status code and a JSON body partners can act on.
 */
import 'server-only';
import en from '@/messages/en/petitions.json';
import type { SignOutcome } from './sign-petition';
import { SIGNING_REFUSAL_ERRORS } from './vocabulary';

const ACCEPTED_BODY = { status: 'pending_confirmation' } as const;
/** Larger bodies are refused before parsing (413). */
export const MAX_SIGNING_BODY_BYTES = 8 * 1024;
/** A body not received within this time is refused (408): a slow upload must not hold a slot. */
export const SIGNING_BODY_DEADLINE_MS = 10_000;

export interface SigningResponse {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export function signingResponse(outcome: SignOutcome): SigningResponse {
  switch (outcome.kind) {
    case 'accepted':
      return { status: 202, body: ACCEPTED_BODY };
    case 'invalid': {
      const messages = en.petitionErrors as Record<string, string>;
      return { status: 400, body: { error: 'invalid_field', field: outcome.field, code: outcome.error, message: messages[outcome.error] ?? 'Invalid value.' } };
    }
    case 'not_found':
      return { status: 404, body: { error: 'not_found', message: 'No open petition has this address.' } };
    case 'not_accepting':
      return { status: 409, body: { error: SIGNING_REFUSAL_ERRORS[outcome.reason], message: en.petition.refusal[outcome.reason] } };
    case 'idempotency_key_reused':
      return { status: 422, body: { error: 'idempotency_key_reused', message: 'This Idempotency-Key was used with a different request.' } };
  }
}

/** An Idempotency-Key header as partners send it (printable ASCII, at most 200 characters), or an error. */
export function parseIdempotencyKey(value: string | null): { key: string | null } | { error: SigningResponse } {
  if (value === null) return { key: null };
  if (/^[\x21-\x7e]{1,200}$/.test(value)) return { key: value };
  return { error: { status: 400, body: { error: 'invalid_field', field: 'Idempotency-Key', code: 'idempotencyKeyInvalid', message: 'Use 1 to 200 printable ASCII characters.' } } };
}
