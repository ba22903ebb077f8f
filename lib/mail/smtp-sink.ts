/**
 * A minimal SMTP server for tests and benchmarks (node:net): accepts every message, records what
 * arrived and when, and can be made slow, refusing or broken, to play a real server's bad days.
 * Not for production: no TLS, no auth, no size limits.
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface SinkMessage {
  messageId: string;
  to: string;
  receivedAt: number;
}

export interface SinkBehaviour {
  /** Wait this long before answering the end of a message (a slow server). */
  delayMs: number;
  /** Answer the end of a message with 451 (a temporary refusal): nothing is received. */
  rejectMessages: boolean;
}

export interface SmtpSink {
  port: number;
  messages: SinkMessage[];
  behaviour: SinkBehaviour;
  /** The most messages that were being received at the same moment (on separate connections). */
  maxConcurrent: number;
  close(): Promise<void>;
}

export async function startSmtpSink(port = 0, behaviour: Partial<SinkBehaviour> = {}): Promise<SmtpSink> {
  const sockets = new Set<Socket>();
  let receiving = 0;
  const sink = {
    port: 0,
    messages: [] as SinkMessage[],
    behaviour: { delayMs: 0, rejectMessages: false, ...behaviour },
    maxConcurrent: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = '';
    let inData = false;
    let data = '';
    let to = '';
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    reply('220 vigil-sink ready');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          data += buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          const message = data;
          const recipient = to;
          data = '';
          const finish = () => {
            receiving--;
            if (socket.destroyed) return;
            if (sink.behaviour.rejectMessages) return reply('451 4.3.0 try again later');
            const messageId = /^message-id:\s*(.+)$/im.exec(message)?.[1]?.trim() ?? '';
            sink.messages.push({ messageId, to: recipient, receivedAt: Date.now() });
            reply(`250 2.0.0 queued as ${sink.messages.length}`);
          };
          if (sink.behaviour.delayMs > 0) setTimeout(finish, sink.behaviour.delayMs);
          else finish();
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 vigil-sink');
        else if (verb === 'MAIL') {
          receiving++;
          sink.maxConcurrent = Math.max(sink.maxConcurrent, receiving);
          reply('250 2.1.0 ok');
        }
        else if (verb === 'RCPT') {
          to = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
          return;
        } else reply('250 ok');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  sink.port = (server.address() as { port: number }).port;
  return sink;
}
