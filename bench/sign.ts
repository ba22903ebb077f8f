/**
 * `npm run bench:sign`: the signing API under a surge, on the production server and real Postgres.
 *
 * Builds the app with the benchmark routes (bench/support/production-server.ts, skip with --skip-build), creates a scratch database on the Postgres
 * server of BENCH_ADMIN_DATABASE_URL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres),
 * starts `npm start` on it, then drives POST /api/petitions/<slug>/signatures with unique e-mails at 10
 * and 50 concurrent clients, each run between two runs of a bare route handler of the same app
 * (/api/bench/baseline) as the baseline. Prints throughput, p50, p99 and the ratio to the baseline;
 * then checks that every accepted signature is stored exactly once, confirms them all (the real
 * confirmation code, many at once) and checks that the count API equals the confirmed rows.
 *
 * Every request comes from another address through X-Forwarded-For, believed only because the server
 * runs with VIGIL_TRUSTED_PROXIES=loopback and the benchmark connects from 127.0.0.1: the per-address limits
 * run for real (lock, look-up, attempt row) without refusing the benchmark.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  buildUnlessSkipped,
  createScratchDatabase,
  option,
  percentile,
  startProductionServer,
  tearDown,
  waitForHealth,
} from './support/production-server';

const SECONDS = Number(option('seconds', '10'));
const PORT = Number(option('port', '3600'));
const CLIENT_COUNTS = option('clients', '10,50').split(',').map(Number);
const SLUG = 'bench-petition';
const RUN = randomBytes(3).toString('hex');

const TARGETS = { acceptedPerSecond: 300, p99Ms: 250, ratio: 0.8 };

interface PhaseResult {
  label: string;
  clients: number;
  requests: number;
  ok: number;
  failures: Record<string, number>;
  perSecond: number;
  p50: number;
  p99: number;
}

let emailCounter = 0;
let addressCounter = 0;
const accepted: string[] = [];

function nextAddress(): string {
  const n = ++addressCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function post(agent: http.Agent, path: string, body: string, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        path,
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-Forwarded-For': address },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function runPhase(label: string, path: string, clients: number, seconds: number, expectStatus: number, record: boolean): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let ok = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const email = `bench-${RUN}-${++emailCounter}@example.org`;
      const body = JSON.stringify({ name: 'Bench Signer', email, country: 'KR', display: 'anonymous', wantsUpdates: false });
      const sent = performance.now();
      try {
        const status = await post(agent, path, body, nextAddress());
        latencies.push(performance.now() - sent);
        if (status === expectStatus) {
          ok++;
          if (record) accepted.push(email);
        } else failures[String(status)] = (failures[String(status)] ?? 0) + 1;
      } catch (error) {
        const key = (error as NodeJS.ErrnoException).code ?? 'error';
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { label, clients, requests: latencies.length, ok, failures, perSecond: ok / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const format = (result: PhaseResult) =>
  `${result.label.padEnd(9)} ${String(result.clients).padStart(7)} ${String(result.requests).padStart(8)} ${result.perSecond.toFixed(0).padStart(9)}/s ${result.p50.toFixed(1).padStart(8)} ms ${result.p99.toFixed(1).padStart(8)} ms  ${Object.entries(result.failures).map(([status, n]) => `${status}×${n}`).join(' ') || '-'}`;

const databaseName = `vigil_bench_${RUN}`;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
let server: ChildProcess | undefined;
let failed = false;
// Dropping the scratch database at the end ends any connection still open to it: not a failure.
process.on('uncaughtException', (error) => {
  if (String(error).includes('terminating connection due to administrator command')) return;
  console.error(error);
  process.exit(1);
});

try {
  buildUnlessSkipped();
  scratch = await createScratchDatabase(databaseName);
  const databaseUrl = scratch.url;
  process.env.DATABASE_URL = databaseUrl;

  // Migrate and create a public case with an open petition, through the app's own schema.
  const { openDatabase } = await import('@/db/client');
  const { cases, petitions } = await import('@/db/schema');
  const setup = await openDatabase({ url: databaseUrl });
  const [benchCase] = await setup.db
    .insert(cases)
    .values({ slug: 'bench-case', title: 'Benchmark case', lifecycle: 'published', publicityMode: 'public_campaign', publishedAt: new Date() })
    .returning({ id: cases.id });
  await setup.db.insert(petitions).values({ caseId: benchCase!.id, slug: SLUG, title: 'Benchmark petition', target: 'Nobody', goal: 1_000_000, status: 'open' });
  await setup.close();

  server = startProductionServer(PORT, databaseUrl, { VIGIL_TRUSTED_PROXIES: 'loopback' });
  await waitForHealth(server, PORT);
  const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(`Server up on port ${PORT} (production, Postgres database ${databaseName}); ${SECONDS} s per run; ${os.cpus().length} CPUs, load average ${load()}.\n`);

  // Warm-up: compile paths, fill the connection pool. Not recorded.
  await runPhase('warm-up', '/api/bench/baseline', 10, 2, 202, false);
  await runPhase('warm-up', `/api/petitions/${SLUG}/signatures`, 10, 3, 202, true);
  accepted.length = 0;

  console.log('run       clients requests   throughput      p50        p99   other answers');
  const summaries: { clients: number; sign: PhaseResult; ratio: number }[] = [];
  for (const clients of CLIENT_COUNTS) {
    const before = await runPhase('baseline', '/api/bench/baseline', clients, SECONDS, 202, false);
    console.log(format(before));
    const sign = await runPhase('sign', `/api/petitions/${SLUG}/signatures`, clients, SECONDS, 202, true);
    console.log(format(sign));
    const after = await runPhase('baseline', '/api/bench/baseline', clients, SECONDS, 202, false);
    console.log(format(after));
    const ratio = sign.perSecond / ((before.perSecond + after.perSecond) / 2);
    summaries.push({ clients, sign, ratio });
    console.log(`          ratio of signing to the bare route at ${clients} clients: ${ratio.toFixed(2)}\n`);
  }

  // Integrity: every accepted signature stored exactly once (warm-up signatures included in the table).
  const { getDb } = await import('@/db/client');
  const { confirmSignature } = await import('@/lib/petitions/confirm-signature');
  const db = await getDb();
  const { sql } = await import('drizzle-orm');
  const rows = (await db.execute(sql`select email, count(*)::int as n from petition_signatures where email like ${`bench-${RUN}-%`} group by email`)) as unknown as {
    rows: { email: string; n: number }[];
  };
  const stored = new Map(rows.rows.map((row) => [row.email, row.n]));
  const missing = accepted.filter((email) => !stored.has(email));
  const doubled = [...stored.values()].filter((n) => n > 1).length;
  const acceptedSet = new Set(accepted);
  const warmUpRows = [...stored.keys()].filter((email) => !acceptedSet.has(email)).length;
  console.log(`Stored: ${accepted.length} accepted in the measured runs → ${accepted.length - missing.length} stored, ${missing.length} missing, ${doubled} stored twice (plus ${warmUpRows} from the warm-up).`);
  if (missing.length > 0 || doubled > 0) failed = true;
  // Rows written by one statement share its transaction's now(): distinct creation times are statements.
  const [batches] = ((await db.execute(
    sql`select count(distinct created_at)::int as statements, count(*)::int as rows from petition_signatures where email like ${`bench-${RUN}-%`}`,
  )) as unknown as { rows: { statements: number; rows: number }[] }).rows;
  console.log(`Group commit: ${batches!.rows} signatures written by ${batches!.statements} statements (${(batches!.rows / batches!.statements).toFixed(1)} a statement on average, warm-up included); load average ${load()}.`);

  // Confirm every signature through the confirmation code, 32 at a time, then compare the count.
  const mails = (await db.execute(sql`select text_body from mail_outbox where status = 'pending'`)) as unknown as { rows: { text_body: string }[] };
  const tokens = mails.rows.map((row) => /\/confirm\/([A-Za-z0-9_-]+)/.exec(row.text_body)?.[1]).filter((token): token is string => Boolean(token));
  const confirmStarted = performance.now();
  let next = 0;
  let confirmedNow = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < tokens.length) {
        const token = tokens[next++]!;
        if ((await confirmSignature(token)).state === 'confirmed') confirmedNow++;
      }
    }),
  );
  const confirmSeconds = (performance.now() - confirmStarted) / 1000;
  const [row] = ((await db.execute(sql`select count(*)::int as n from petition_signatures where confirmed_at is not null and invalidation_id is null`)) as unknown as { rows: { n: number }[] }).rows;
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const count = (await (await fetch(`http://127.0.0.1:${PORT}/api/petitions/${SLUG}/count`)).json()) as { confirmed: number };
  console.log(
    `Confirmed ${confirmedNow} of ${tokens.length} mailed links in ${confirmSeconds.toFixed(1)} s (${(confirmedNow / confirmSeconds).toFixed(0)}/s, 32 at once); ` +
      `confirmed rows ${row!.n}; count API ${count.confirmed}: ${count.confirmed === row!.n && row!.n === stored.size ? 'EQUAL' : 'DIFFERENT'}.`,
  );
  if (count.confirmed !== row!.n || row!.n !== stored.size) failed = true;

  console.log('\nTargets at 50 clients (2-core machine):');
  const at50 = summaries.find((summary) => summary.clients === 50);
  if (at50) {
    const checks = [
      [`≥ ${TARGETS.acceptedPerSecond} accepted/s`, at50.sign.perSecond >= TARGETS.acceptedPerSecond, `${at50.sign.perSecond.toFixed(0)}/s`],
      [`p99 < ${TARGETS.p99Ms} ms`, at50.sign.p99 < TARGETS.p99Ms, `${at50.sign.p99.toFixed(0)} ms`],
      [`≥ ${TARGETS.ratio} of the bare route`, at50.ratio >= TARGETS.ratio, at50.ratio.toFixed(2)],
      ['nothing lost or doubled', !failed, failed ? 'NO' : 'yes'],
    ] as const;
    for (const [name, met, value] of checks) console.log(`  ${met ? 'met    ' : 'MISSED '} ${name}: ${value}`);
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await tearDown([server], scratch);
}
process.exit(failed ? 1 : 0);
