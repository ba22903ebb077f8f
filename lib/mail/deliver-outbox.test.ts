import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { mailOutbox } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import type { Database } from '@/db/client';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { inviteUser } from '@/lib/users/invite-user';
import { deliverOutbox, type MailTransport, STALE_CLAIM_SECONDS } from './deliver-outbox';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { closeSmtpTransports, smtpTransport } from './smtp-transport';

const link = { origin: 'https://vigil.test', locale: 'en' } as const;

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  closeSmtpTransports();
  await sink.close();
});
afterEach(() => {
  delete process.env.SMTP_URL;
  sink.behaviour.delayMs = 0;
  sink.behaviour.rejectMessages = false;
});

async function queue(db: Database, count: number, prefix: string): Promise<string[]> {
  const rows = await db
    .insert(mailOutbox)
    .values(Array.from({ length: count }, (_, i) => ({ toAddress: `${prefix}-${i}@example.org`, subject: 'Confirm', textBody: `link ${i}` })))
    .returning({ id: mailOutbox.id });
  return rows.map((row) => row.id);
}

const sinkCount = (id: string) => sink.messages.filter((message) => message.messageId.includes(id)).length;

describeEachEngine('mail outbox', ({ db }) => {
  it('queues no mail when mail is not configured: the admin passes the link on', async () => {
    const { session: admin } = await sessionForRole('admin');
    const invited = await inviteUser(admin, { email: 'unmailed@test.example', role: 'advocate', ...link });
    expect(invited).toMatchObject({ ok: true, value: { emailed: false } });
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'unmailed@test.example'))).toEqual([]);
  });

  it('sends a queued invitation through pooled SMTP once, records its Message-ID and the answer, and forgets the link', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
    const { session: admin } = await sessionForRole('admin');
    expect(await inviteUser(admin, { email: 'pooled@test.example', role: 'advocate', ...link })).toMatchObject({ ok: true, value: { emailed: true } });
    const report = await deliverOutbox(db(), smtpTransport());
    expect(report).toEqual({ sent: 1, failed: 0, unknown: 0, unreachable: false });
    const [row] = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'pooled@test.example'));
    expect(row).toMatchObject({ status: 'sent', textBody: '', smtpResponse: expect.stringMatching(/^250 2\.0\.0 queued as \d+/) });
    expect(row!.smtpMessageId).toBe(`<${row!.id}@localhost>`);
    expect(sink.messages.filter((message) => message.messageId === row!.smtpMessageId)).toHaveLength(1);
  });

  it('sends a backlog of 300 through the pool, several at once, each once', async () => {
    const ids = await queue(db(), 300, 'backlog');
    const before = sink.messages.length;
    sink.behaviour.delayMs = 5;
    sink.maxConcurrent = 0;
    const report = await deliverOutbox(db(), smtpTransport(`smtp://127.0.0.1:${sink.port}`));
    expect(report.sent).toBe(300);
    expect(sink.maxConcurrent).toBeGreaterThan(1);
    expect(sink.messages.length - before).toBe(300);
    expect(ids.every((id) => sinkCount(id) === 1)).toBe(true);
  });

  it('sends each message once with three senders at once', async () => {
    const ids = await queue(db(), 60, 'three');
    const transport = smtpTransport(`smtp://127.0.0.1:${sink.port}`);
    const reports = await Promise.all(
      ['a', 'b', 'c'].map((sender) => deliverOutbox(db(), transport, { chunkSize: 7, sender: `sender-${sender}` })),
    );
    expect(reports.reduce((total, report) => total + report.sent, 0)).toBe(60);
    expect(ids.every((id) => sinkCount(id) === 1)).toBe(true);
  });

  it('keeps a refused message for later with backoff, and never resends one whose connection broke mid-message', async () => {
    const [refused, broken] = await queue(db(), 2, 'outcomes');
    const refusing: MailTransport = { sendMail: async () => Promise.reject(Object.assign(new Error('451 try later'), { responseCode: 451 })) };
    await db().update(mailOutbox).set({ status: 'failed' }).where(eq(mailOutbox.id, broken!));
    expect(await deliverOutbox(db(), refusing)).toMatchObject({ sent: 0, failed: 1 });
    const [row] = await db().select().from(mailOutbox).where(eq(mailOutbox.id, refused!));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '451 try later' });
    expect(row!.sendAfter.getTime()).toBeGreaterThan(Date.now() + 50_000);

    await db().update(mailOutbox).set({ status: 'pending' }).where(eq(mailOutbox.id, broken!));
    const breaking: MailTransport = { sendMail: async () => Promise.reject(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' })) };
    expect(await deliverOutbox(db(), breaking)).toMatchObject({ sent: 0, unknown: 1 });
    expect((await db().select().from(mailOutbox).where(eq(mailOutbox.id, broken!)))[0]).toMatchObject({ status: 'unknown' });
    expect(await deliverOutbox(db(), breaking)).toMatchObject({ sent: 0, unknown: 0 });
  });

  it('SMTP refusing connections, then slow, then accepting: nothing lost, nothing twice, no attempt counted while down', async () => {
    const ids = await queue(db(), 20, 'outage');
    const down = await startSmtpSink();
    const port = down.port;
    await down.close();
    const url = `smtp://127.0.0.1:${port}`;
    const report = await deliverOutbox(db(), smtpTransport(url));
    expect(report.unreachable).toBe(true);
    const waiting = await db().select().from(mailOutbox).where(inArray(mailOutbox.id, ids));
    expect(waiting.every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true);

    const slow = await startSmtpSink(port, { delayMs: 300 });
    try {
      const first = await deliverOutbox(db(), smtpTransport(url), { chunkSize: 10, shouldStop: () => slow.messages.length >= 10 });
      expect(first.sent).toBe(10);
      slow.behaviour.delayMs = 0;
      const rest = await deliverOutbox(db(), smtpTransport(url));
      expect(rest.sent).toBe(10);
      expect(ids.every((id) => slow.messages.filter((message) => message.messageId.includes(id)).length === 1)).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('at most once across a crash: a claim whose sender died is given up as unknown, not sent again', async () => {
    const [claimedByDead] = await queue(db(), 1, 'dead-sender');
    await db()
      .update(mailOutbox)
      .set({ status: 'sending', claimedBy: 'dead-host:1:feed', claimedAt: sql`now() - make_interval(secs => ${STALE_CLAIM_SECONDS + 1})` })
      .where(eq(mailOutbox.id, claimedByDead!));
    await deliverOutbox(db(), smtpTransport(`smtp://127.0.0.1:${sink.port}`));
    expect(sinkCount(claimedByDead!)).toBe(0);
    const [row] = await db().select().from(mailOutbox).where(eq(mailOutbox.id, claimedByDead!));
    expect(row).toMatchObject({ status: 'unknown', lastError: expect.stringContaining('at most once') });
  });

  it('gives back a claim of its own it has no record of (the claim answer was lost): it never reached SMTP', async () => {
    const [orphan] = await queue(db(), 1, 'orphan');
    await db().update(mailOutbox).set({ status: 'sending', claimedBy: 'this-sender', claimedAt: sql`now()`, attempts: 1 }).where(eq(mailOutbox.id, orphan!));
    const report = await deliverOutbox(db(), smtpTransport(`smtp://127.0.0.1:${sink.port}`), { sender: 'this-sender' });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    expect(sinkCount(orphan!)).toBe(1);
    expect((await db().select().from(mailOutbox).where(eq(mailOutbox.id, orphan!)))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
