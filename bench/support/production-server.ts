/**
 * What every benchmark does around its measurements: build the app, make a scratch database on a
 * Postgres server, start the production server on it (one or several instances) and wait until it answers.
 *
 * The benchmarks build and run their own copy of the production app (VIGIL_BENCH_BUILD=1, see
 * next.config.js): the production build plus the routes written as `*.bench.ts`, in `.next-bench`,
 * so that the bare route they compare with never ships and `.next` is left alone.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const ADMIN_URL =
  process.env.BENCH_ADMIN_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `--name value` from the command line, or the fallback. */
export function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
}

const BENCH_BUILD = { VIGIL_BENCH_BUILD: '1' };
const BENCH_DIST_DIR = '.next-bench';

/** What `npm run build` does, into `.next-bench` with the benchmark routes; --skip-build when it is fresh. */
export function buildUnlessSkipped(): void {
  if (process.argv.includes('--skip-build')) return;
  console.log(`Building the production app with the benchmark routes into ${BENCH_DIST_DIR}…`);
  const steps: [string, string[]][] = [
    ['npx', ['next', 'build']],
    ['npm', ['run', 'build:server', '--', `--outdir=${BENCH_DIST_DIR}/vigil-server`]],
  ];
  for (const [command, args] of steps) {
    const build = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...BENCH_BUILD } });
    if (build.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  }
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database on the admin URL's server; `drop` removes it whatever is still connected. */
export async function createScratchDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  await withAdmin((admin) => admin.query(`create database "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((admin) => admin.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

/** The compiled server as `npm start` runs it, from the benchmarks' build, on a port and database, in its own process group. */
export function startProductionServer(port: number, databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  const secret = process.env.BENCH_SECRET_KEY ?? (process.env.BENCH_SECRET_KEY = randomBytes(32).toString('base64'));
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": flags for the server's node alone (a diagnosis, not a measurement).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn('node', [...nodeArgs, `${BENCH_DIST_DIR}/vigil-server/server.mjs`], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      VIGIL_DEMO_DATA: 'false',
      VIGIL_SECRET_KEY: secret,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: `http://localhost:${port}`,
      ...BENCH_BUILD,
      ...env,
    },
  });
}

export async function waitForHealth(server: ChildProcess, port: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`the server on port ${port} exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server on port ${port} did not become healthy within two minutes`);
}

function stopServer(server: ChildProcess | undefined): void {
  if (!server?.pid) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** The end of every benchmark: stop its servers, close this process's database, drop the scratch database. */
export async function tearDown(servers: (ChildProcess | undefined)[], scratch: { drop(): Promise<void> } | undefined): Promise<void> {
  for (const server of servers) stopServer(server);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  try {
    const { getDatabase } = await import('../../db/client');
    await (await getDatabase()).close();
  } catch {
    // never opened
  }
  await scratch?.drop().catch(() => undefined);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
