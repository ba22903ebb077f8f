/**
 * What a failed SMTP send means for the message, from nodemailer's error:
 * - `rejected`: the server answered with a 4xx/5xx code, so it did not take the message: try again later;
 * - `unreachable`: no session was ever set up (refused, DNS, TLS, login): the message never left, and the
 *   problem is the server's, not the message's;
 * - `unknown`: the connection broke or timed out once the session was up, possibly after the server
 *   received the message: at most once means it is not sent again.
 */
export type SmtpFailure = 'rejected' | 'unreachable' | 'unknown';

interface SmtpError {
  code?: string;
  responseCode?: number;
  syscall?: string;
  message?: string;
}

const BEFORE_ANY_SESSION = new Set(['EDNS', 'ETLS', 'EAUTH', 'EENVELOPE', 'EMESSAGE']);

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  if (typeof failure.responseCode === 'number' && failure.responseCode >= 400) return 'rejected';
  if (failure.syscall === 'connect' || failure.syscall === 'getaddrinfo') return 'unreachable';
  if (failure.code && BEFORE_ANY_SESSION.has(failure.code)) return 'unreachable';
  if (failure.code === 'ETIMEDOUT' && /^(Connection timeout|Greeting never received)/.test(failure.message ?? '')) return 'unreachable';
  return 'unknown';
}
