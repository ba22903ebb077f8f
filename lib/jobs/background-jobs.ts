/**
 * The app's periodic work, run by every instance's scheduler (started from instrumentation.ts), one
 * instance at a time per job thanks to the leases in Postgres (lib/jobs/job-leases.ts):
 * - `mail.deliver`, every 2 s when SMTP_URL is set: drains the outbox through the pooled SMTP transport
 *   (lib/mail/deliver-outbox.ts) for up to a minute a run, and is due again at once if mail is left;
 * - `petitions.caseNews`, every 2 s: turns news of a case's public timeline into mails for the signers who
 *   asked for it, each news once (lib/petitions/mail-case-news.ts); the mails then go with the others;
 * - `petitions.maintain`, every 10 minutes: recounts, purges and anonymises (lib/petitions/maintain-petitions.ts).
 * In the production server on Postgres `mail.deliver` runs in a thread of its own (lib/mail/delivery-thread.ts),
 * so SMTP's round trips never wait behind request handling; the other jobs run on the main thread.
 * A running job's lease is renewed every third of its length; SIGTERM stops the job between messages
 * and gives its lease back (lib/runtime/shutdown.ts). A release that cannot be recorded (the database is
 * down) is retried at the next tick. VIGIL_BACKGROUND_JOBS=false turns the scheduler off in an instance,
 * for example where the same work runs as separate workers (`npm run mail:deliver -- --watch`).
 */
import 'server-only';
import { type Database, getDb } from '@/db/client';
import { deliverOutbox } from '@/lib/mail/deliver-outbox';
import { mailIsConfigured } from '@/lib/mail/mail-config';
import { smtpTransport } from '@/lib/mail/smtp-transport';
import { logger } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { DEFAULT_ANONYMISE_AFTER_DAYS } from '@/lib/petitions/anonymise-closed-petitions';
import { mailCaseNews } from '@/lib/petitions/mail-case-news';
import { maintainPetitions } from '@/lib/petitions/maintain-petitions';
import { instanceId } from '@/lib/runtime/instance-id';
import { processShared } from '@/lib/runtime/process-shared';
import { onShutdown } from '@/lib/runtime/shutdown';
import { claimDueJob, finishJob, releaseLeases, renewLease } from './job-leases';
import { deliveryThreadRunning } from './delivery-thread-state';

export interface JobRun {
  /** True once the job should stop at the next safe point: shutdown, or its lease was lost. */
  shouldStop(): boolean;
}

export interface JobReport {
  outcome: string;
  /** Work was left (a run has a time limit): due again at once rather than after the interval. */
  dueAgainNow?: boolean;
}

export interface BackgroundJob {
  name: string;
  everySeconds: number;
  /** How long a claim holds without renewal; renewed every third of it while the job runs. */
  leaseSeconds: number;
  /** The longest wait after failures in a row (default an hour). */
  maxBackoffSeconds?: number;
  enabled(): boolean;
  /** Does the work; returns a one-line report for the job's record. */
  run(db: Database, run: JobRun): Promise<string | JobReport>;
}

/** How often each instance looks for due jobs. */
export const SCHEDULER_TICK_MS = 1_000;
/** The longest mail run before the lease is put up again (another instance may take the next). */
export const MAIL_RUN_SECONDS = 60;

/** The job that sends the outbox; in its own thread where lib/mail/start-delivery-thread.ts started one. */
export const MAIL_DELIVERY_JOB = 'mail.deliver';

export const BACKGROUND_JOBS: BackgroundJob[] = [
  {
    name: MAIL_DELIVERY_JOB,
    everySeconds: 2,
    leaseSeconds: 30,
    // An SMTP outage is retried at least every 30 s, so mail resumes soon after the server is back.
    maxBackoffSeconds: 30,
    enabled: mailIsConfigured,
    async run(db, run) {
      const started = Date.now();
      const timeUp = () => Date.now() - started > MAIL_RUN_SECONDS * 1000;
      const report = await deliverOutbox(db, smtpTransport(), { shouldStop: () => run.shouldStop() || timeUp() });
      const summary = `${report.sent} sent, ${report.failed} failed${report.unknown ? `, ${report.unknown} unknown` : ''}`;
      if (report.unreachable) throw new Error(`SMTP server unreachable (${summary})`);
      return { outcome: summary, dueAgainNow: timeUp() };
    },
  },
  {
    name: 'petitions.caseNews',
    everySeconds: 2,
    leaseSeconds: 30,
    maxBackoffSeconds: 30,
    enabled: () => true,
    async run(db, run) {
      const report = await mailCaseNews(db, { shouldStop: () => run.shouldStop() });
      return `${report.news} news, ${report.mails} mails`;
    },
  },
  {
    name: 'petitions.maintain',
    everySeconds: 600,
    leaseSeconds: 120,
    enabled: () => true,
    async run(db) {
      const setting = process.env.VIGIL_ANONYMISE_AFTER_DAYS?.trim();
      const afterDays = setting ? Number(setting) : DEFAULT_ANONYMISE_AFTER_DAYS;
      // A mistyped setting must not keep signers' data longer than intended, nor pass unnoticed.
      if (!Number.isInteger(afterDays) || afterDays < 0) throw new Error(`VIGIL_ANONYMISE_AFTER_DAYS must be a whole number of days, not "${setting}"`);
      const report = await maintainPetitions(db, afterDays);
      for (const drift of report.corrected) logger().warn({ petitionId: drift.petitionId, before: drift.before, after: drift.after }, 'petition count corrected');
      return report.summary;
    },
  },
];

type Finish = Parameters<typeof finishJob>[3];

const schedulerState = () =>
  processShared('schedulerState', () => ({
    stopping: false,
    /** The tick running now, for shutdown to wait on. */
    currentTick: null as Promise<unknown> | null,
    /** Releases that could not be recorded, by job name, with their holder. */
    unrecorded: new Map<string, { holder: string; finish: Finish }>(),
  }));

/** Runs every enabled job that is due and not held elsewhere; returns the names of those it ran. */
export async function runDueJobs(db: Database, jobs: BackgroundJob[] = BACKGROUND_JOBS, holder = instanceId()): Promise<string[]> {
  const state = schedulerState();
  const ran: string[] = [];
  for (const job of jobs) {
    if (state.stopping) break;
    if (!job.enabled()) continue;
    if (!(await recordUnrecordedRelease(db, job.name))) continue;
    if (!(await claimDueJob(db, job.name, job.leaseSeconds, holder))) continue;
    ran.push(job.name);
    await runClaimedJob(db, job, holder);
  }
  return ran;
}

async function runClaimedJob(db: Database, job: BackgroundJob, holder: string): Promise<void> {
  const state = schedulerState();
  let leaseLost = false;
  const heartbeat = setInterval(() => {
    renewLease(db, job.name, job.leaseSeconds, holder).then(
      (held) => (leaseLost ||= !held),
      (error) => logger().warn({ err: error, job: job.name }, 'job lease not renewed'),
    );
  }, (job.leaseSeconds * 1000) / 3);
  heartbeat.unref();
  let finish: Finish;
  try {
    const report = await job.run(db, { shouldStop: () => leaseLost || state.stopping });
    const { outcome, dueAgainNow } = typeof report === 'string' ? { outcome: report, dueAgainNow: false } : report;
    finish = { ok: true, outcome, dueAgainNow, everySeconds: job.everySeconds, maxBackoffSeconds: job.maxBackoffSeconds };
    metrics().jobRuns.inc({ job: job.name, outcome: 'ok' });
  } catch (error) {
    logger().error({ err: error, job: job.name }, 'background job failed');
    finish = { ok: false, outcome: `failed: ${error instanceof Error ? error.message : String(error)}`, everySeconds: job.everySeconds, maxBackoffSeconds: job.maxBackoffSeconds };
    metrics().jobRuns.inc({ job: job.name, outcome: 'failed' });
  } finally {
    clearInterval(heartbeat);
  }
  try {
    await finishJob(db, job.name, holder, finish);
  } catch (error) {
    // The database is down: the lease stays held until it runs out, or until the next tick records this.
    state.unrecorded.set(job.name, { holder, finish });
    logger().warn({ err: error, job: job.name }, 'job outcome not recorded; retrying at the next tick');
  }
}

/** True when nothing is left to record for `name` (or it was recorded now). */
async function recordUnrecordedRelease(db: Database, name: string): Promise<boolean> {
  const state = schedulerState();
  const pending = state.unrecorded.get(name);
  if (!pending) return true;
  try {
    await finishJob(db, name, pending.holder, pending.finish);
    state.unrecorded.delete(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts this thread's scheduler once (development reloads and every copy of this module share it),
 * for `only` these jobs if given; by default every job but mail delivery when a delivery thread runs it.
 * Its timer does not keep the process alive; ticks never overlap (the next is set when one ends).
 */
export function startBackgroundJobs({ only }: { only?: readonly string[] } = {}): void {
  if (process.env.VIGIL_BACKGROUND_JOBS === 'false') return;
  processShared('scheduler', () => {
    const state = schedulerState();
    const jobs = BACKGROUND_JOBS.filter((job) => (only ? only.includes(job.name) : !(job.name === MAIL_DELIVERY_JOB && deliveryThreadRunning())));
    const tick = async () => {
      if (state.stopping) return;
      const running = (async () => runDueJobs(await getDb(), jobs))();
      state.currentTick = running;
      try {
        await running;
      } catch (error) {
        logger().error({ err: error }, 'background jobs could not run');
      } finally {
        state.currentTick = null;
        if (!state.stopping) setTimeout(tick, SCHEDULER_TICK_MS).unref();
      }
    };
    setTimeout(tick, 0).unref();
    onShutdown('background jobs', 10, () => stopBackgroundJobs());
    return { startedAt: new Date() };
  });
}

/** Stops claiming jobs, lets the running one reach a safe point, and gives back this process's leases. */
export async function stopBackgroundJobs(holder = instanceId()): Promise<void> {
  const state = schedulerState();
  state.stopping = true;
  await state.currentTick?.catch(() => {});
  await releaseLeases(await getDb(), holder);
}
