/**
 * The app's periodic work, run by every instance's scheduler (started from instrumentation.ts), one
 * instance at a time per job thanks to the leases in Postgres (lib/jobs/job-leases.ts):
 * - `mail.deliver`, every 15 s when SMTP_URL is set: sends the outbox (lib/mail/deliver-outbox.ts);
 * - `petitions.maintain`, every 10 minutes: recounts, purges and anonymises (lib/petitions/maintain-petitions.ts).
 * VIGIL_BACKGROUND_JOBS=false turns the scheduler off in an instance, for example where the same work
 * runs as separate workers (`npm run mail:deliver -- --watch`, `npm run petitions:maintain -- --watch`).
 */
import 'server-only';
import nodemailer from 'nodemailer';
import { type Database, getDb } from '@/db/client';
import { deliverOutbox } from '@/lib/mail/deliver-outbox';
import { mailIsConfigured } from '@/lib/mail/mail-config';
import { DEFAULT_ANONYMISE_AFTER_DAYS } from '@/lib/petitions/anonymise-closed-petitions';
import { maintainPetitions } from '@/lib/petitions/maintain-petitions';
import { processShared } from '@/lib/runtime/process-shared';
import { claimDueJob, finishJob } from './job-leases';

export interface BackgroundJob {
  name: string;
  everySeconds: number;
  /** How long a claim holds: longer than the job can take, so two instances never overlap. */
  leaseSeconds: number;
  enabled(): boolean;
  /** Does the work; returns a one-line report for the job's record. */
  run(db: Database): Promise<string>;
}

/** How often each instance looks for due jobs. */
export const SCHEDULER_TICK_MS = 5_000;

let transport: ReturnType<typeof nodemailer.createTransport> | undefined;

export const BACKGROUND_JOBS: BackgroundJob[] = [
  {
    name: 'mail.deliver',
    everySeconds: 15,
    leaseSeconds: 300,
    enabled: mailIsConfigured,
    async run(db) {
      transport ??= nodemailer.createTransport(process.env.SMTP_URL);
      let sent = 0;
      let failed = 0;
      // Batches of 20 until the outbox is empty (or 25 batches: the rest waits for the next run).
      for (let batch = 0; batch < 25; batch++) {
        const result = await deliverOutbox(db, transport);
        sent += result.sent;
        failed += result.failed;
        if (result.sent + result.failed === 0) break;
      }
      return `${sent} sent, ${failed} failed`;
    },
  },
  {
    name: 'petitions.maintain',
    everySeconds: 600,
    leaseSeconds: 1800,
    enabled: () => true,
    async run(db) {
      const setting = process.env.VIGIL_ANONYMISE_AFTER_DAYS?.trim();
      const afterDays = setting ? Number(setting) : DEFAULT_ANONYMISE_AFTER_DAYS;
      // A mistyped setting must not keep signers' data longer than intended, nor pass unnoticed.
      if (!Number.isInteger(afterDays) || afterDays < 0) throw new Error(`VIGIL_ANONYMISE_AFTER_DAYS must be a whole number of days, not "${setting}"`);
      const report = await maintainPetitions(db, afterDays);
      for (const drift of report.corrected) console.warn(`[vigil] petition ${drift.petitionId}: count corrected from ${drift.before} to ${drift.after}`);
      return report.summary;
    },
  },
];

/** Runs every enabled job that is due and not held elsewhere; returns the names of those it ran. */
export async function runDueJobs(db: Database, jobs: BackgroundJob[] = BACKGROUND_JOBS): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    if (!job.enabled()) continue;
    if (!(await claimDueJob(db, job.name, job.leaseSeconds))) continue;
    ran.push(job.name);
    try {
      const outcome = await job.run(db);
      await finishJob(db, job.name, job.everySeconds, { ok: true, outcome });
    } catch (error) {
      console.error(`[vigil] background job ${job.name} failed`, error);
      await finishJob(db, job.name, job.everySeconds, { ok: false, outcome: `failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return ran;
}

/**
 * Starts this process's scheduler once (development reloads and every copy of this module share it).
 * Its timer does not keep the process alive; ticks never overlap (the next is set when one ends).
 */
export function startBackgroundJobs(): void {
  if (process.env.VIGIL_BACKGROUND_JOBS === 'false') return;
  processShared('scheduler', () => {
    const tick = async () => {
      try {
        await runDueJobs(await getDb());
      } catch (error) {
        console.error('[vigil] background jobs could not run', error);
      } finally {
        setTimeout(tick, SCHEDULER_TICK_MS).unref();
      }
    };
    setTimeout(tick, 0).unref();
    return { startedAt: new Date() };
  });
}
