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
import { claimDueJob, finishJob, releaseLeases, renewLease } from './job-leases';

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
    expect(await claimDueJob(db(), name, 60, 'instance-a')).toBe(true);
    // The holder dies without finishing: the job stays held for the lease.
    expect(await claimDueJob(db(), name, 60, 'instance-b')).toBe(false);
    expect(await renewLease(db(), name, 60, 'instance-b')).toBe(false);
    await db().update(jobLeases).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobLeases.name, name));
    expect(await claimDueJob(db(), name, 60, 'instance-b')).toBe(true);
    // The first holder comes back: it can neither renew nor release what is now someone else's.
    expect(await renewLease(db(), name, 60, 'instance-a')).toBe(false);
    await finishJob(db(), name, 'instance-a', { ok: true, outcome: 'late', everySeconds: 60 });
    expect(await lease(db(), name)).toMatchObject({ lockedBy: 'instance-b', lastOutcome: null });
  });

  it('gives its leases back on shutdown, due at once, so another instance takes over without waiting', async () => {
    const name = `test.shutdown-${randomUUID().slice(0, 8)}`;
    expect(await claimDueJob(db(), name, 1800, 'stopping-instance')).toBe(true);
    await releaseLeases(db(), 'stopping-instance');
    expect(await lease(db(), name)).toMatchObject({ lockedUntil: null, lockedBy: null });
    expect(await claimDueJob(db(), name, 60, 'other-instance')).toBe(true);
  });

  it('does not block a job past the next tick when its outcome could not be recorded', async () => {
    let databaseDown = false;
    // The job succeeds but the database goes away before the release is recorded.
    const flaky = new Proxy(db(), {
      get(target, property, receiver) {
        if (property === 'update' && databaseDown) return () => { throw new Error('Connection terminated unexpectedly'); };
        return Reflect.get(target, property, receiver);
      },
    });
    const job = countingJob({ leaseSeconds: 600, async run() { databaseDown = true; return 'done'; } });
    expect(await runDueJobs(flaky, [job], 'flaky-instance')).toEqual([job.name]);
    expect(await lease(db(), job.name)).toMatchObject({ lockedBy: 'flaky-instance' });
    // The next tick, with the database back, records the release first: the job is free and due on time.
    databaseDown = false;
    await runDueJobs(flaky, [job], 'flaky-instance');
    expect(await lease(db(), job.name)).toMatchObject({ lockedUntil: null, lockedBy: null, lastOutcome: 'done' });
  });

  it('records a failure and backs off: the interval, then twice as long for each further failure in a row', async () => {
    const job = countingJob({
      everySeconds: 60,
      async run() {
        throw new Error('SMTP server unreachable');
      },
    });
    expect(await runDueJobs(db(), [job])).toEqual([job.name]);
    let row = await lease(db(), job.name);
    expect(row).toMatchObject({ lockedUntil: null, lastOutcome: 'failed: SMTP server unreachable', consecutiveFailures: 1 });
    expect(Math.round((row.nextRunAt.getTime() - row.lastFinishedAt!.getTime()) / 1000)).toBe(60);
    await db().update(jobLeases).set({ nextRunAt: sql`now() - interval '1 second'` }).where(eq(jobLeases.name, job.name));
    await runDueJobs(db(), [job]);
    row = await lease(db(), job.name);
    expect(row.consecutiveFailures).toBe(2);
    expect(Math.round((row.nextRunAt.getTime() - row.lastFinishedAt!.getTime()) / 1000)).toBe(120);
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
    expect(await runDueJobs(db())).toEqual(['petitions.caseNews', 'petitions.maintain']);
    forgetPetitionCounts();
    expect((await getPetitionCount(slug))?.confirmed).toBe(3);
    expect((await lease(db(), 'petitions.maintain')).lastOutcome).toMatch(/^recounted \([1-9]\d* corrected\)/);

    // With SMTP_URL set, the mail job runs; this server refuses connections, so the run fails (and backs
    // off, at most 30 s) and every message stays queued, its attempt not counted against it.
    process.env.SMTP_URL = 'smtp://127.0.0.1:9';
    await db().delete(jobLeases);
    expect(await runDueJobs(db(), BACKGROUND_JOBS.filter((job) => job.name === 'mail.deliver'))).toEqual(['mail.deliver']);
    const mailLease = await lease(db(), 'mail.deliver');
    expect(mailLease.lastOutcome).toMatch(/^failed: SMTP server unreachable \(0 sent, [1-9]\d* failed\)$/);
    expect(Math.round((mailLease.nextRunAt.getTime() - mailLease.lastFinishedAt!.getTime()) / 1000)).toBe(2);
    const [queued] = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'job-0@example.org')).limit(1);
    expect(queued).toMatchObject({ status: 'pending', attempts: 0, claimedBy: expect.any(String) });
    expect(queued!.lastError).toMatch(/ECONNREFUSED/);
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
