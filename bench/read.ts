/**
 * `npm run bench:read`: a viral case page, read the way readers and a CDN would read it, on the
 * production server and real Postgres.
 *
 * Builds the app (skip with --skip-build), makes a scratch database with the demo data, starts two
 * instances of the production server on it (--port and the next), then, on the first instance, drives each of a
 * static chunk under /_next/static/, the cached case page, the home page, /api/cases and the petition
 * count API with `wrk` (50 keep-alive clients, 10 s each, Accept-Encoding as a browser sends it), the
 * static chunk again at the end. Each rate is compared with the mean of the two static runs. Then a
 * staff change: the case's title is changed and its cache tag expired, as a staff save does; the time
 * until both instances serve the new title is measured, three times.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  buildUnlessSkipped,
  createScratchDatabase,
  option,
  startProductionServer,
  tearDown,
  waitForHealth,
} from './support/production-server';

const SECONDS = Number(option('seconds', '10'));
const CLIENTS = Number(option('clients', '50'));
const PORT = Number(option('port', '3610'));
const RUN = randomBytes(3).toString('hex');
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const TARGETS = { ratio: 0.5, p99Ms: 100, propagationMs: 2000 };

interface WrkResult {
  label: string;
  path: string;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: string[];
  bytesPerResponse: number;
}

function milliseconds(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 'ms' ? value : match[2] === 's' ? value * 1000 : value * 60_000;
}

function bytes(text: string): number {
  const match = /^([\d.]+)([KMG]?B)$/.exec(text.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * ({ B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 } as Record<string, number>)[match[2]!]!;
}

/** One wrk run; wrk (Debian's `wrk` package) is a C load generator that leaves the CPU to the server. */
function wrk(label: string, path: string): WrkResult {
  const run = spawnSync(
    'wrk',
    ['-t1', `-c${CLIENTS}`, `-d${SECONDS}s`, '--latency', '--timeout', '5s', '-H', `Accept-Encoding: ${ACCEPT_ENCODING}`, `http://127.0.0.1:${PORT}${path}`],
    { encoding: 'utf8' },
  );
  if (run.error) throw new Error(`wrk could not run (${run.error.message}): install it with \`apt-get install -y wrk\``);
  const out = run.stdout;
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const errors: string[] = [];
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  if (socket && socket.slice(1).some((n) => n !== '0')) errors.push(`socket errors ${socket.slice(1).join('/')} (connect/read/write/timeout)`);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (non2xx) errors.push(`${non2xx[1]} non-2xx answers`);
  const transfer = /in [\d.]+\w+, ([\d.]+[KMG]?B) read/.exec(out);
  return {
    label,
    path,
    perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50Ms: milliseconds(/^\s+50%\s+(\S+)/m.exec(out)?.[1] ?? ''),
    p99Ms: milliseconds(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? ''),
    requests,
    errors,
    bytesPerResponse: transfer && requests ? bytes(transfer[1]!) / requests : Number.NaN,
  };
}

/** The bytes an answer travels as and their encoding (fetch would decode them before they could be counted). */
function bytesOnTheWire(port: number, path: string, acceptEncoding: string): Promise<{ encoding: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ encoding: String(response.headers['content-encoding'] ?? 'identity'), bytes }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function get(port: number, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const databaseName = `vigil_bench_read_${RUN}`;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
const servers: ChildProcess[] = [];
let failed = false;

try {
  buildUnlessSkipped();
  scratch = await createScratchDatabase(databaseName);
  process.env.DATABASE_URL = scratch.url;
  const { openDatabase } = await import('@/db/client');
  const { seedDemoData, DEMO_CASE_SLUG } = await import('@/db/seed');
  const setup = await openDatabase({ url: scratch.url });
  await seedDemoData(setup.db);
  await setup.close();

  const ports = [PORT, PORT + 1];
  for (const port of ports) servers.push(startProductionServer(port, scratch.url));
  await Promise.all(servers.map((server, index) => waitForHealth(server, ports[index]!)));

  const casePath = `/cases/${DEMO_CASE_SLUG}`;
  const { DEMO_PETITION_SLUG: PUBLIC_PETITION_SLUG } = await import('@/db/seed-petitions');
  // Warm-up: the first request of each page renders it; then it is served from cache.
  const casePage = await get(PORT, casePath);
  for (const path of ['/', casePath, '/api/cases', `/api/petitions/${PUBLIC_PETITION_SLUG}/count`]) {
    for (let i = 0; i < 5; i++) await get(PORT, path, { 'Accept-Encoding': ACCEPT_ENCODING });
  }
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(casePage.text)?.[1];
  if (!chunk) throw new Error('no static chunk found in the case page');
  const identity = await bytesOnTheWire(PORT, casePath, 'identity');
  const brotli = await bytesOnTheWire(PORT, casePath, 'br');
  const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(
    `Two instances on ports ${ports.join(' and ')} (production, Postgres database ${databaseName}); ${CLIENTS} clients, ${SECONDS} s a run; ` +
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${load()}.`,
  );
  console.log(`Case page: ${identity.bytes} bytes as HTML, ${brotli.bytes} bytes as ${brotli.encoding}.\n`);

  const runs = [
    wrk('static chunk', chunk),
    wrk('case page', casePath),
    wrk('home page', '/'),
    wrk('/api/cases', '/api/cases'),
    wrk('count API', `/api/petitions/${PUBLIC_PETITION_SLUG}/count`),
    wrk('static chunk', chunk),
  ];
  const staticRate = (runs[0]!.perSecond + runs[5]!.perSecond) / 2;
  console.log('run            requests/s   ratio      p50       p99   bytes/answer  errors');
  for (const run of runs) {
    console.log(
      `${run.label.padEnd(14)} ${run.perSecond.toFixed(0).padStart(10)} ${(run.perSecond / staticRate).toFixed(2).padStart(7)} ` +
        `${run.p50Ms.toFixed(1).padStart(6)} ms ${run.p99Ms.toFixed(1).padStart(6)} ms ${run.bytesPerResponse.toFixed(0).padStart(10)}    ${run.errors.join('; ') || '-'}`,
    );
  }
  console.log(`(ratio: to the mean of the two static chunk runs, ${staticRate.toFixed(0)}/s; load average ${load()})\n`);

  // A publication, as two staff members make it: one edits the title and asks, another approves (a new
  // published snapshot); the cache tag is then expired in Postgres (what lib/cache/shared-cache-handler.ts
  // does for revalidateTag on whichever instance). Timed from the approval's commit.
  const { getDb } = await import('@/db/client');
  const { cases, publicationRequests, users } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const { expireCacheTags } = await import('@/lib/cache/shared-cache-handler');
  const { PUBLIC_CASES_TAG } = await import('@/lib/cases/public-cache');
  const { approvePublicationIn, requestPublicationIn } = await import('@/lib/cases/publication-gate');
  const db = await getDb();
  const staffMember = async (email: string) => {
    const [row] = await db.insert(users).values({ email, role: 'advocate' }).returning({ id: users.id });
    return { userId: row!.id, email, ip: '' };
  };
  const [requester, approver] = [await staffMember(`bench-requester-${RUN}@vigil.test`), await staffMember(`bench-approver-${RUN}@vigil.test`)];
  const propagation: number[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const title = `Benchmark title ${RUN} ${attempt}`;
    const [benchCase] = await db.update(cases).set({ title }).where(eq(cases.slug, DEMO_CASE_SLUG)).returning({ id: cases.id });
    const asked = await db.transaction((tx) => requestPublicationIn(tx, requester, { caseId: benchCase!.id, note: 'Benchmark.' }));
    if ('refused' in asked) throw new Error(`publication refused: ${asked.refused}`);
    const [request] = await db.select({ hash: publicationRequests.contentHash }).from(publicationRequests).where(eq(publicationRequests.id, asked.requestId));
    const approved = await db.transaction((tx) => approvePublicationIn(tx, approver, asked.requestId, request!.hash!));
    if ('refused' in approved) throw new Error(`approval refused: ${approved.refused}`);
    const changedAt = performance.now();
    await expireCacheTags([PUBLIC_CASES_TAG]);
    const seenAt = await Promise.all(
      ports.map(async (port) => {
        for (;;) {
          if ((await get(port, casePath)).text.includes(title)) return performance.now();
          if (performance.now() - changedAt > 30_000) throw new Error(`port ${port} still serves the old title after 30 s`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }),
    );
    propagation.push(Math.max(...seenAt) - changedAt);
  }
  console.log(`Staff change served by both instances after: ${propagation.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}.\n`);

  console.log(`Targets (${CLIENTS} clients):`);
  const checks: [string, boolean, string][] = [];
  for (const run of runs.slice(1, 3)) {
    checks.push([`${run.label} ≥ ${TARGETS.ratio} × static chunk`, run.perSecond / staticRate >= TARGETS.ratio, (run.perSecond / staticRate).toFixed(2)]);
    checks.push([`${run.label} p99 < ${TARGETS.p99Ms} ms`, run.p99Ms < TARGETS.p99Ms, `${run.p99Ms.toFixed(1)} ms`]);
  }
  const erring = runs.filter((run) => run.errors.length > 0);
  checks.push(['no errors in any run', erring.length === 0, erring.map((run) => run.label).join(', ') || 'none']);
  checks.push([`staff change everywhere within ${TARGETS.propagationMs} ms`, Math.max(...propagation) < TARGETS.propagationMs, `${Math.max(...propagation).toFixed(0)} ms`]);
  for (const [name, met, value] of checks) {
    console.log(`  ${met ? 'met    ' : 'MISSED '} ${name}: ${value}`);
    if (!met) failed = true;
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await tearDown(servers, scratch);
}
process.exit(failed ? 1 : 0);
