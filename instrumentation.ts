/**
 * Runs once when a server process starts (`next dev`, `next start`): checks the secret key, opens the database, applies
 * migrations and, where configured, loads the demo data, so problems show at start-up rather than
 * on a visitor's first request; then starts the background jobs. A build never opens the database.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // Production refuses to start without VIGIL_SECRET_KEY (it encrypts two-factor secrets, signs sessions).
  const { getMasterKey } = await import('./lib/security/secret-key');
  getMasterKey();
  const { getDatabase } = await import('./db/client');
  const opened = await getDatabase();
  console.log(`Vigil: database ready (${opened.engine}).`);
  // Mail delivery and petition upkeep, one instance at a time per job (lib/jobs/background-jobs.ts).
  const { startBackgroundJobs } = await import('./lib/jobs/background-jobs');
  startBackgroundJobs();
}
