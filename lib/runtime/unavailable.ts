/**
 * Temporary unavailability, as opposed to a bug: the instance is full (a bound or deadline was reached)
 * or the database cannot be reached. The API answers these 503 with Retry-After, never 500.
 */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly reason: 'queue_full' | 'queue_deadline' | 'database_unavailable' | 'body_deadline',
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`service unavailable: ${reason}`, options);
    this.name = 'ServiceUnavailableError';
  }
}

// Postgres SQLSTATEs of a server going away or refusing work: admin/crash shutdown, cannot connect now,
// too many connections, a statement timeout; and the 08 class (connection exceptions).
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
];

/** True when `error` (or its cause) says the database is unreachable or refusing work for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || code === 'ECONNREFUSED' || code === 'ECONNRESET')) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((fragment) => message.includes(fragment))) return true;
  }
  return false;
}

/** The error as a ServiceUnavailableError when it is one or a database outage; otherwise null (a bug). */
export function asUnavailable(error: unknown): ServiceUnavailableError | null {
  // By name: each server bundle has its own copy of this class.
  if (error instanceof Error && error.name === 'ServiceUnavailableError') return error as ServiceUnavailableError;
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError('database_unavailable', 5, { cause: error });
  return null;
}
