/**
 * Fault test on real Postgres: every connection of the test database is killed in the middle of a mail
 * run (pg_terminate_backend, this database only). No message may reach SMTP twice, mail resumes at the
 * job's next run, and nothing is thrown at the process.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDatabase, type OpenDatabase } from '@/db/client';
import { jobLeases, mailOutbox } from '@/db/schema';
import { terminateConnections } from '@/db/terminate-connections';
import { testEngines } from '@/db/testing';
import { BACKGROUND_JOBS, runDueJobs } from '@/lib/jobs/background-jobs';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { closeSmtpTransports } from './smtp-transport';

const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);
let sink: SmtpSink;
const postgres = testEngines().find((candidate) => candidate.engine === 'postgres');
let opened: OpenDatabase;
const db = () => opened.db;
beforeAll(async () => {
  if (!postgres) return;
  opened = await postgres.open();
  installDatabase(opened);
  sink = await startSmtpSink(0, { delayMs: 15 });
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  process.on('uncaughtException', onUncaught);
});
afterAll(async () => {
  if (!postgres) return;
  installDatabase(undefined);
  await opened.close();
  process.off('uncaughtException', onUncaught);
  delete process.env.SMTP_URL;
  closeSmtpTransports();
  await sink.close();
});

const mailJob = BACKGROUND_JOBS.filter((job) => job.name === 'mail.deliver');

describe.skipIf(!postgres)('mail delivery when the database connections are killed [postgres]', () => {
  it('sends no message twice, resumes at the next run, and throws nothing at the process', async () => {
    const rows = await db()
      .insert(mailOutbox)
      .values(Array.from({ length: 200 }, (_, i) => ({ toAddress: `fault-${i}@example.org`, subject: 'Confirm', textBody: `link ${i}` })))
      .returning({ id: mailOutbox.id });
    const { rows: [{ name }] } = (await db().execute(sql`select current_database() as name`)) as unknown as { rows: [{ name: string }] };
    // Kill every connection once 40 messages have reached the SMTP server, while the run goes on.
    let killedAt = 0;
    const killer = setInterval(() => {
      if (killedAt || sink.messages.length < 40) return;
      killedAt = Date.now();
      void terminateConnections(process.env.TEST_DATABASE_URL!, name);
    }, 5);
    const deadline = Date.now() + 60_000;
    let resumedAt = 0;
    try {
      // The scheduler's ticks, one a second at most: each runs the mail job if it is due.
      while (Date.now() < deadline) {
        const before = sink.messages.length;
        await runDueJobs(db(), mailJob).catch(() => []);
        if (killedAt && !resumedAt && sink.messages.length > before && Date.now() > killedAt) resumedAt = Date.now();
        const left = await db().$count(mailOutbox, sql`${mailOutbox.status} in ('pending', 'sending')`).catch(() => -1);
        if (left === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      clearInterval(killer);
    }
    expect(killedAt).toBeGreaterThan(0);
    const counts = rows.map((row) => sink.messages.filter((message) => message.messageId === `<${row.id}@localhost>`).length);
    // The kill cut the database, not SMTP: every message reached the server exactly once, and is recorded sent.
    expect(counts.filter((count) => count !== 1)).toEqual([]);
    const statuses = await db().select({ status: mailOutbox.status }).from(mailOutbox);
    expect(statuses.every((row) => row.status === 'sent')).toBe(true);
    // Resumed within the job's next run (its interval after a failure is 2 s; ticks come every 0.25 s here).
    expect(resumedAt - killedAt).toBeLessThan(5_000);
    const [lease] = await db().select().from(jobLeases).where(eq(jobLeases.name, 'mail.deliver'));
    expect(lease).toMatchObject({ lockedBy: null, consecutiveFailures: 0 });
    expect(uncaught).toEqual([]);
  });
});
