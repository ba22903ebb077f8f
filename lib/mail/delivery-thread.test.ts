/**
 * Mail keeps going out while the server's main thread is busy (issue 16): the delivery thread has its
 * own event loop. On the main thread, turns of 150 ms (what a surge of signing made of them on a shared
 * machine) let each SMTP round trip wait a turn; ten connections then carried about 15 messages a second
 * instead of hundreds. Postgres only: the thread opens its own connections to the database.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '@/db/client';
import { jobLeases, mailOutbox } from '@/db/schema';
import { bundleThread, type SmtpSinkThread, startSmtpSinkThread } from './smtp-sink-thread';
import { startDeliveryThread } from './start-delivery-thread';

const adminUrl = process.env.TEST_DATABASE_URL;
const MAILS = 400;

/** Keeps this thread busy for `ms` in turns of `turnMs`, as request handling under a surge does. */
async function busyTurns(ms: number, turnMs: number, until: () => boolean): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end && !until()) {
    const turnEnds = performance.now() + turnMs;
    while (performance.now() < turnEnds) {
      // a turn of request handling
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe.skipIf(!adminUrl)('mail delivery thread [postgres]', () => {
  const name = `vigil_test_${randomBytes(6).toString('hex')}`;
  let url: string;
  let opened: OpenDatabase;
  let sink: SmtpSinkThread;
  let entry: string;

  const admin = async (statement: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };

  beforeAll(async () => {
    await admin(`create database "${name}"`);
    const target = new URL(adminUrl!);
    target.pathname = `/${name}`;
    url = target.toString();
    opened = await openDatabase({ url });
    sink = await startSmtpSinkThread();
    // The thread's file as `npm run build:server` writes it: plain Node, the app's code bundled.
    entry = await bundleThread('delivery-thread-test', { file: 'lib/mail/delivery-thread.ts' });
  });

  afterAll(async () => {
    await opened?.close();
    await sink?.close();
    await admin(`drop database if exists "${name}" with (force)`);
  });

  it(`sends a backlog of ${MAILS} within 4 s while the main thread turns only every 150 ms, each once`, async () => {
    await opened.db
      .insert(mailOutbox)
      .values(Array.from({ length: MAILS }, (_, i) => ({ toAddress: `busy-${i}@example.org`, subject: 'Confirm', textBody: `link ${i}` })));
    const thread = startDeliveryThread(pathToFileURL(entry), { ...process.env, DATABASE_URL: url, SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
    try {
      await busyTurns(4_000, 150, () => sink.messages.length >= MAILS);
      expect(sink.messages.length).toBe(MAILS);
    } finally {
      await thread.stop();
    }
    expect(new Set(sink.messages.map((message) => message.to)).size).toBe(MAILS);
    const sent = await opened.db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(sql`${mailOutbox.status} = 'sent'`);
    expect(sent).toEqual([{ n: MAILS }]);
    // The thread gave its lease back when it stopped.
    expect(await opened.db.select({ lockedBy: jobLeases.lockedBy }).from(jobLeases).where(eq(jobLeases.name, 'mail.deliver'))).toEqual([{ lockedBy: null }]);
  });
});
