import { afterAll, beforeAll, expect, it } from 'vitest';
import { classifySmtpFailure } from './smtp-failure';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { closeSmtpTransports, smtpTransport } from './smtp-transport';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink(0);
});
afterAll(async () => {
  closeSmtpTransports();
  await sink.close();
});

it('sends message after message on one connection without waiting for the server to acknowledge each ending', async () => {
  process.env.SMTP_MAX_CONNECTIONS = '1';
  try {
    const transport = smtpTransport(`smtp://127.0.0.1:${sink.port}`);
    await transport.sendMail({ from: 'vigil@vigil.test', to: 'first@example.org', subject: 'Connect', text: 'first' });
    const started = performance.now();
    for (let n = 0; n < 50; n++) await transport.sendMail({ from: 'vigil@vigil.test', to: `signer-${n}@example.org`, subject: 'Confirm', text: 'Hello '.repeat(100) });
    // With Nagle's algorithm each message waited for a delayed acknowledgement (about 40 ms): 50 took over 2 s.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sink.messages.filter((message) => message.to.startsWith('signer-'))).toHaveLength(50);
  } finally {
    delete process.env.SMTP_MAX_CONNECTIONS;
  }
});

it('reports every message to a server that refuses connections as unreachable, more messages than connections, none left waiting', async () => {
  const closed = await startSmtpSink(0);
  const port = closed.port;
  await closed.close();
  const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
  const errors = await Promise.all(
    Array.from({ length: 25 }, (_, n) =>
      transport.sendMail({ from: 'vigil@vigil.test', to: `nobody-${n}@example.org`, subject: 'Confirm', text: 'never sent' }).then(
        () => undefined,
        (failure: unknown) => failure,
      ),
    ),
  );
  expect(errors.map(classifySmtpFailure)).toEqual(Array.from({ length: 25 }, () => 'unreachable'));
});
