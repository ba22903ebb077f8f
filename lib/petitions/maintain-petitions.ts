/**
 * The periodic petition work, in one place for the background job (lib/jobs/background-jobs.ts) and
 * `npm run petitions:maintain`: recount every petition from its rows (reporting drift, which would
 * mean a bug or a hand edit), delete address windows and idempotency keys no limit needs any more,
 * and anonymise the signers of petitions closed more than `afterDays` days ago.
 */
import 'server-only';
import type { Database } from '@/db/client';
import { anonymiseClosedPetitions } from './anonymise-closed-petitions';
import { purgeSigningRecords } from './purge-signing-records';
import { type RecountResult, recountAllPetitions } from './recount-signatures';

export interface MaintenanceReport {
  corrected: RecountResult[];
  summary: string;
}

export async function maintainPetitions(db: Database, afterDays: number): Promise<MaintenanceReport> {
  const corrected = await recountAllPetitions(db);
  const purged = await purgeSigningRecords(db);
  const anonymised = await anonymiseClosedPetitions(db, afterDays);
  return {
    corrected,
    summary:
      `recounted (${corrected.length} corrected), purged ${purged.addressWindows} address windows and ${purged.idempotencyKeys} idempotency keys, ` +
      `anonymised ${anonymised.signatures} signatures of ${anonymised.petitions} petitions closed over ${afterDays} days ago`,
  };
}
