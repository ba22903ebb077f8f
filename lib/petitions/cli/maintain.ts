/**
 * `npm run petitions:maintain`: the periodic petition jobs, once, or every 10 minutes with --watch.
 * - recounts every petition's confirmed count from its rows and reports any drift it corrected;
 * - deletes address windows and idempotency keys no limit needs any more;
 * - anonymises signers of petitions closed more than N days ago (--anonymise-after-days, default 180).
 * Safe to run on several machines at once: each step is one transaction under the count locks.
 */
import { openDatabase } from '@/db/client';
import { anonymiseClosedPetitions, DEFAULT_ANONYMISE_AFTER_DAYS } from '../anonymise-closed-petitions';
import { purgeSigningRecords } from '../purge-signing-records';
import { recountAllPetitions } from '../recount-signatures';

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
    const drifted = await recountAllPetitions(opened.db);
    for (const drift of drifted) console.warn(`petition ${drift.petitionId}: count corrected from ${drift.before} to ${drift.after}`);
    const purged = await purgeSigningRecords(opened.db);
    const anonymised = await anonymiseClosedPetitions(opened.db, afterDays);
    console.log(
      `petitions: recounted (${drifted.length} corrected), purged ${purged.addressWindows} address windows and ${purged.idempotencyKeys} idempotency keys, ` +
        `anonymised ${anonymised.signatures} signatures of ${anonymised.petitions} petitions closed over ${afterDays} days ago`,
    );
    if (watch) await new Promise((resolve) => setTimeout(resolve, 10 * 60_000));
  } while (watch);
} finally {
  await opened.close();
}
