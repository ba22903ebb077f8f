import { Client } from 'pg';

/** Drops the scratch Postgres database the e2e run created, if any. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.E2E_ADMIN_DATABASE_URL;
  const name = process.env.VIGIL_E2E_PG_DATABASE;
  if (!adminUrl || !name) return;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
