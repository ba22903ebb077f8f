/**
 * Structured JSON logs (pino), one line per event, with the request id where there is one, so an error
 * reference shown to a visitor finds its log line. LOG_LEVEL sets the level (default `info`; `silent` under
 * the test runner).
 */
import pino, { type Logger } from 'pino';
import { processShared } from '../runtime/process-shared';

export function logger(): Logger {
  return processShared('logger', () =>
    pino({
      base: { service: 'vigil', pid: process.pid },
      level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
      timestamp: pino.stdTimeFunctions.isoTime,
    }),
  );
}
