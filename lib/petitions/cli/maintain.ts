/**
 * `npm run petitions:maintain`: the periodic petition jobs, once, or every 10 minutes with --watch.
 * The app's own scheduler runs them too (lib/jobs/background-jobs.ts); this command is for running
 * them by hand or from a separate worker.
 * - recounts every petition's confirmed count from its rows and reports any drift it corrected;
 * - deletes address windows and idempotency keys no limit needs any more;
 * - anonymises signers of petitions closed more than N days ago (--anonymise-after-days, default 180).
 * Safe to run on several machines at once: each step is one transaction under the count locks.
 */
import { openDatabase } from '@/db/client';
import { DEFAULT_ANONYMISE_AFTER_DAYS } from '../anonymise-closed-petitions';
import { maintainPetitions } from '../maintain-petitions';

const args = process.argv.slice(2);
const watch = args.includes('--watch');
const daysIndex = args.indexOf('--anonymise-after-days');
const afterDays = daysIndex >= 0 ? Number(args[daysIndex + 1]) : DEFAULT_ANONYMISE_AFTER_DAYS;
if (!Number.isInteger(afterDays) || afterDays < 0) {
  console.error('--anonymise-after-days takes a whole number of days');
  process.exit(1);
}

const opened = await openDatabase({ url: process.env.DATABASE_URL });
try {
  do {
    const report = await maintainPetitions(opened.db, afterDays);
    for (const drift of report.corrected) console.warn(`petition ${drift.petitionId}: count corrected from ${drift.before} to ${drift.after}`);
    console.log(`petitions: ${report.summary}`);
    if (watch) await new Promise((resolve) => setTimeout(resolve, 10 * 60_000));
  } while (watch);
} finally {
  await opened.close();
}
