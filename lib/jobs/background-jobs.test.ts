/**
 * The scheduler's promises on both engines: a due job runs on one instance only, once per interval;
 * a crashed holder's lease runs out; failures back off; and the real petition upkeep corrects a
 * drifted count while the mail job sends (or records why it could not).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { jobLeases, mailOutbox, petitionCountShards } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { forgetPetitionCounts, getPetitionCount } from '@/lib/petitions/get-petition-count';
import { signPetition } from '@/lib/petitions/sign-petition';
import { confirmationTokenFor, createTestPetition, signer, testAddress } from '@/lib/petitions/test-fixtures';
import { BACKGROUND_JOBS, type BackgroundJob, runDueJobs } from './background-jobs';
import { claimDueJob } from './job-leases';

const savedSmtpUrl = process.env.SMTP_URL;
afterEach(() => {
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
  delete process.env.VIGIL_ANONYMISE_AFTER_DAYS;
});

function countingJob(overrides: Partial<BackgroundJob> = {}): BackgroundJob & { runs: number } {
  const job: BackgroundJob & { runs: number } = {
    name: `test.job-${randomUUID().slice(0, 8)}`,
    everySeconds: 600,
    leaseSeconds: 60,
    enabled: () => true,
    runs: 0,
    async run(): Promise<string> {
      job.runs++;
      return `run ${job.runs}`;
    },
    ...overrides,
  };
  return job;
}

const lease = async (db: Database, name: string) =>
  (await db.select().from(jobLeases).where(eq(jobLeases.name, name)))[0]!;

describeEachEngine('background jobs', ({ db }) => {
  it('runs a due job on one instance only, then not again before its interval', async () => {
    const job = countingJob();
    // Three instances tick at the same moment.
    const ran = await Promise.all([runDueJobs(db(), [job]), runDueJobs(db(), [job]), runDueJobs(db(), [job])]);
    expect(ran.flat()).toEqual([job.name]);
    expect(job.runs).toBe(1);
    expect(await runDueJobs(db(), [job])).toEqual([]);
    const row = await lease(db(), job.name);
    expect(row).toMatchObject({ lockedUntil: null, lastOutcome: 'run 1', consecutiveFailures: 0 });
    expect(row.nextRunAt.getTime() - row.lastFinishedAt!.getTime()).toBeGreaterThan(599_000);
    // Once due again, it runs again.
    await db().update(jobLeases).set({ nextRunAt: sql`now() - interval '1 second'` }).where(eq(jobLeases.name, job.name));
    expect(await runDueJobs(db(), [job])).toEqual([job.name]);
    expect(job.runs).toBe(2);
  });

  it('lets a lease held by a crashed instance run out, and never takes one still held', async () => {
    const name = `test.crash-${randomUUID().slice(0, 8)}`;
    expect(await claimDueJob(db(), name, 60)).toBe(true);
    // The holder dies without finishing: the job stays held for the lease.
    expect(await claimDueJob(db(), name, 60)).toBe(false);
    await db().update(jobLeases).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobLeases.name, name));
    expect(await claimDueJob(db(), name, 60)).toBe(true);
  });

  it('records a failure and backs off, doubling the wait for each failure in a row', async () => {
    const job = countingJob({
      everySeconds: 60,
      async run() {
        throw new Error('SMTP server unreachable');
      },
    });
    expect(await runDueJobs(db(), [job])).toEqual([job.name]);
    let row = await lease(db(), job.name);
    expect(row).toMatchObject({ lockedUntil: null, lastOutcome: 'failed: SMTP server unreachable', consecutiveFailures: 1 });
    expect(Math.round((row.nextRunAt.getTime() - row.lastFinishedAt!.getTime()) / 1000)).toBe(120);
    await db().update(jobLeases).set({ nextRunAt: sql`now() - interval '1 second'` }).where(eq(jobLeases.name, job.name));
    await runDueJobs(db(), [job]);
    row = await lease(db(), job.name);
    expect(row.consecutiveFailures).toBe(2);
    expect(Math.round((row.nextRunAt.getTime() - row.lastFinishedAt!.getTime()) / 1000)).toBe(240);
  });

  it('skips a job that is not enabled, without touching its record', async () => {
    const job = countingJob({ enabled: () => false });
    expect(await runDueJobs(db(), [job])).toEqual([]);
    expect(await db().select().from(jobLeases).where(eq(jobLeases.name, job.name))).toEqual([]);
  });

  it('corrects a drifted count with the real petition upkeep, and tries the outbox only with SMTP_URL', async () => {
    const { petitionId, slug } = await createTestPetition(db());
    for (let i = 0; i < 3; i++) {
      const email = `job-${i}@example.org`;
      await signPetition(slug, signer(email), { ip: testAddress(900 + i), origin: 'https://vigil.test' });
      await confirmSignature((await confirmationTokenFor(db(), email))!);
    }
    // A hand edit (or a bug) puts the count out of step with the rows.
    await db().update(petitionCountShards).set({ confirmed: 40 }).where(eq(petitionCountShards.petitionId, petitionId));
    forgetPetitionCounts();
    expect((await getPetitionCount(slug))?.confirmed).toBeGreaterThanOrEqual(40);

    delete process.env.SMTP_URL;
    await db().delete(jobLeases);
    expect(await runDueJobs(db())).toEqual(['petitions.maintain']);
    forgetPetitionCounts();
    expect((await getPetitionCount(slug))?.confirmed).toBe(3);
    expect((await lease(db(), 'petitions.maintain')).lastOutcome).toMatch(/^recounted \([1-9]\d* corrected\)/);

    // With SMTP_URL set, the mail job runs; this server refuses connections, so each message records
    // the error and stays queued for a later attempt.
    process.env.SMTP_URL = 'smtp://127.0.0.1:9';
    await db().delete(jobLeases);
    expect(await runDueJobs(db(), BACKGROUND_JOBS.filter((job) => job.name === 'mail.deliver'))).toEqual(['mail.deliver']);
    expect((await lease(db(), 'mail.deliver')).lastOutcome).toMatch(/^0 sent, [1-9]\d* failed$/);
    const [queued] = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'job-0@example.org')).limit(1);
    expect(queued).toMatchObject({ status: 'pending', attempts: 1 });
    expect(queued!.lastError).toBeTruthy();
  });

  it('refuses a mistyped anonymisation setting out loud, rather than keep the data of signers on a default', async () => {
    process.env.VIGIL_ANONYMISE_AFTER_DAYS = '90d';
    await db().delete(jobLeases);
    expect(await runDueJobs(db(), BACKGROUND_JOBS.filter((job) => job.name === 'petitions.maintain'))).toEqual(['petitions.maintain']);
    expect(await lease(db(), 'petitions.maintain')).toMatchObject({
      lastOutcome: 'failed: VIGIL_ANONYMISE_AFTER_DAYS must be a whole number of days, not "90d"',
      consecutiveFailures: 1,
    });
  });
});
