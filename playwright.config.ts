/**
 * End-to-end tests against the production build (`next build` first), once per database engine:
 * embedded PGlite always, real Postgres too when TEST_DATABASE_URL is set. Each engine gets its own
 * server and a fresh database prepared by e2e/support/prepare-database.ts, and its own nginx in front
 * (e2e/support/reverse-proxy.ts), which the browser goes through, as in production.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { PROXY_CONNECTS_FROM, PROXY_PORT_OFFSET } from './e2e/support/proxied-servers';

// Debian's Chromium where it is installed (Playwright cannot download browsers everywhere);
// otherwise Playwright's own browser (`npx playwright install chromium`).
const debianChromium = '/usr/bin/chromium';
const launchOptions = fs.existsSync(debianChromium)
  ? {
      executablePath: debianChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }
  : {};

// Fixed once per run (the config is evaluated again in each worker, which inherits process.env).
process.env.VIGIL_E2E_RUN ??= randomBytes(4).toString('hex');
process.env.VIGIL_E2E_SECRET_KEY ??= randomBytes(32).toString('base64');
const run = process.env.VIGIL_E2E_RUN;
const adminUrl = process.env.TEST_DATABASE_URL;
// VIGIL_E2E_PORT moves the e2e servers (this port and the next; their proxies 10 above) when 3100 is taken.
const basePort = Number(process.env.VIGIL_E2E_PORT ?? 3100);

const common = {
  NODE_ENV: 'production',
  VIGIL_DEMO_DATA: 'false',
  VIGIL_SECRET_KEY: process.env.VIGIL_E2E_SECRET_KEY,
  NEXTAUTH_SECRET: process.env.VIGIL_E2E_SECRET_KEY,
  // No SMTP server in e2e runs: confirmation mails are read from /dev/mailbox (lib/mail/dev-mailbox.ts).
  VIGIL_DEV_MAILBOX: 'true',
  // nginx connects from this address, and only its X-Forwarded-For is believed.
  VIGIL_TRUSTED_PROXIES: PROXY_CONNECTS_FROM,
  // A rally of 300 behind one address all count; the 301st signature from it is held.
  VIGIL_SIGNATURES_PER_ADDRESS: '300',
};

const engines: { name: string; port: number; env: Record<string, string> }[] = [
  {
    name: 'pglite',
    port: basePort,
    env: { ...common, VIGIL_DATA_DIR: path.join(os.tmpdir(), `vigil-e2e-${run}`, 'pglite') },
  },
];
if (adminUrl) {
  process.env.VIGIL_E2E_PG_DATABASE ??= `vigil_e2e_${run}`;
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${process.env.VIGIL_E2E_PG_DATABASE}`;
  engines.push({
    name: 'postgres',
    port: basePort + 1,
    env: { ...common, DATABASE_URL: databaseUrl.toString(), E2E_ADMIN_DATABASE_URL: adminUrl },
  });
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalTeardown: './e2e/support/teardown.ts',
  use: { launchOptions, trace: 'retain-on-failure' },
  projects: engines.map((engine) => ({
    name: engine.name,
    use: { baseURL: `http://localhost:${engine.port + PROXY_PORT_OFFSET}` },
  })),
  webServer: engines.flatMap((engine) => [
    {
      // The README's production server (server.ts), on this engine's port.
      command: `node --conditions=react-server --import tsx e2e/support/prepare-database.ts && npm start`,
      url: `http://127.0.0.1:${engine.port}/api/health`,
      // Links in mail and sign-in redirects name the address the browser uses: the proxy's.
      env: { ...engine.env, PORT: String(engine.port), NEXTAUTH_URL: `http://localhost:${engine.port + PROXY_PORT_OFFSET}` },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
    },
    {
      // nginx in front of it; fails with a clear message when nginx is not installed.
      command: `npx tsx e2e/support/reverse-proxy.ts ${engine.port + PROXY_PORT_OFFSET} ${engine.port}`,
      url: `http://localhost:${engine.port + PROXY_PORT_OFFSET}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
    },
  ]),
});
