/**
 * The process's SMTP transport: a pool of SMTP_MAX_CONNECTIONS connections (default 10), each kept open
 * and reused for many messages, so several messages are in flight and none waits for a new connection
 * and greeting. One per process; its connection errors are logged, never thrown at the process.
 */
import 'server-only';
import nodemailer from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { logger } from '@/lib/observability/logger';
import { processShared } from '@/lib/runtime/process-shared';
import { onShutdown } from '@/lib/runtime/shutdown';

type Transport = nodemailer.Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

export function smtpTransport(url = process.env.SMTP_URL): Transport {
  if (!url) throw new Error('SMTP_URL is not set');
  const transports = processShared('smtpTransports', () => new Map<string, Transport>());
  let transport = transports.get(url);
  if (!transport) {
    // The pool itself, given the URL: createTransport would read a URL's options and drop the pool's.
    const pool = new SMTPPool({
      pool: true,
      url,
      maxConnections: Number(process.env.SMTP_MAX_CONNECTIONS ?? 10),
      maxMessages: 1000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });
    transport = nodemailer.createTransport(pool);
    transport.on('error', (error) => logger().warn({ err: error }, 'smtp transport error'));
    transports.set(url, transport);
    onShutdown('smtp connections', 20, closeSmtpTransports);
  }
  return transport;
}

/** Closes the pooled connections (shutdown, the end of a CLI run). */
export function closeSmtpTransports(): void {
  const transports = processShared('smtpTransports', () => new Map<string, Transport>());
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
