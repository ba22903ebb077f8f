/**
 * The process's SMTP transport: a pool of SMTP_MAX_CONNECTIONS connections (default 10), each kept open
 * and reused for many messages, so several messages are in flight and none waits for a new connection
 * and greeting. One per process; its connection errors are logged, never thrown at the process.
 *
 * Its sockets send at once (TCP_NODELAY): otherwise the small last write of each message (the ending
 * dot) waits for the server's acknowledgement of the one before, which the server delays by up to
 * 40 ms, so each connection carried about 20 messages a second (bench/mail.ts: 210 mails/s over ten
 * connections, 890/s without the wait). Connections that are TLS from the start (smtps://) keep
 * nodemailer's own socket.
 */
import 'server-only';
import net from 'node:net';
import nodemailer from 'nodemailer';
// The file, not the folder: plain Node (the mail thread, lib/mail/delivery-thread.ts) imports no folders.
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
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
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
      getSocket: (options, callback) => (options.secure ? callback(null, false) : connectWithoutDelay(options, callback)),
    });
    transport = nodemailer.createTransport(pool);
    transport.on('error', (error) => logger().warn({ err: error }, 'smtp transport error'));
    transports.set(url, transport);
    onShutdown('smtp connections', 20, closeSmtpTransports);
  }
  return transport;
}

const CONNECTION_TIMEOUT_MS = 10_000;

/**
 * A plain TCP connection with TCP_NODELAY, handed to nodemailer connected (it greets and upgrades to
 * STARTTLS itself). If it cannot be made, nodemailer makes its own and reports the failure its own way:
 * an error handed back from here would keep the pool's connection slot taken, and mail queued behind it
 * would wait for good.
 */
function connectWithoutDelay(
  options: SMTPPool.Options,
  callback: (error: Error | null, socketOptions?: { connection: net.Socket } | false) => void,
): void {
  let settled = false;
  const socket = net.connect({ host: options.host ?? 'localhost', port: options.port ?? 25, noDelay: true });
  const fallBack = () => {
    if (settled) return;
    settled = true;
    socket.destroy();
    callback(null, false);
  };
  socket.setTimeout(CONNECTION_TIMEOUT_MS, fallBack);
  socket.once('error', fallBack);
  socket.once('connect', () => {
    if (settled) return;
    settled = true;
    socket.setTimeout(0);
    socket.off('error', fallBack);
    callback(null, { connection: socket });
  });
}

/** Closes the pooled connections (shutdown, the end of a CLI run). */
export function closeSmtpTransports(): void {
  const transports = processShared('smtpTransports', () => new Map<string, Transport>());
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
