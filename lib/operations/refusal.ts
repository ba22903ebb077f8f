/**
 * The one mapping from a refusal to what the caller is told: an operation's ForbiddenError becomes a
 * status and a catalog key here, and every adapter (action, route, page) reads it from here.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { logger } from '@/lib/observability/logger';
import { ForbiddenError } from '@/lib/auth/permissions';

export interface Refusal {
  status: 401 | 403;
  /** Catalog key under "messages" and the JSON `error` code. */
  code: 'signedOut' | 'forbidden';
  reason: ForbiddenError['reason'];
}

/** The refusal an error stands for, or null when it is not one. */
export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ForbiddenError)) return null;
  if (error.reason === 'unauthenticated') return { status: 401, code: 'signedOut', reason: error.reason };
  return { status: 403, code: 'forbidden', reason: error.reason };
}

/** Logs an unexpected error under a short reference the person can quote; returns the reference. */
export function logUnexpected(where: string, error: unknown): string {
  const reference = randomUUID().slice(0, 8);
  logger().error({ err: error, reference, where }, 'unexpected error');
  return reference;
}
