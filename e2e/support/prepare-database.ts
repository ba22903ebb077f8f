/**
 * Run by each Playwright web server before `next start`: gives that server a fresh database with the
 * demo data, the leak-test canary cases and the known staff accounts. PGlite: VIGIL_DATA_DIR is wiped.
 * Postgres: the database named in DATABASE_URL is (re)created through E2E_ADMIN_DATABASE_URL. Started
 * with the react-server condition, so the server-only lib/ modules that create accounts load outside Next.
 */
import fs from 'node:fs';
import { Client } from 'pg';
import { openDatabase } from '@/db/client';
import { seedDemoData } from '@/db/seed';
import { insertCanaryCases } from '../fixtures/canary-cases';
import { createE2eStaff } from './staff-accounts';

async function recreatePostgresDatabase(databaseUrl: string, adminUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  const adminUrl = process.env.E2E_ADMIN_DATABASE_URL;
  if (!adminUrl) throw new Error('E2E_ADMIN_DATABASE_URL is needed to create the e2e database');
  await recreatePostgresDatabase(databaseUrl, adminUrl);
} else {
  const dataDir = process.env.VIGIL_DATA_DIR;
  if (!dataDir) throw new Error('VIGIL_DATA_DIR must point at a throwaway directory for e2e runs');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.lock`, { force: true });
}

const opened = await openDatabase({ url: databaseUrl });
try {
  await seedDemoData(opened.db);
  await insertCanaryCases(opened.db);
  await createE2eStaff(opened.db);
} finally {
  await opened.close();
}
console.log(`e2e database ready (${opened.engine})`);
