/**
 * `npm run bench:mail`: how long a confirmation takes from the signer's 202 to the SMTP server, while
 * signatures arrive at a steady rate (default 400/s for 30 s), on the production server, real Postgres
 * and a local SMTP sink (lib/mail/smtp-sink.ts). Then an overload phase: the petition row is locked for
 * 10 s while the same rate goes on; every request must be answered 202 or 503 with Retry-After, memory
 * must stay under the bound and liveness must answer in under 100 ms throughout.
 *
 * Options: --rate 400 --seconds 30 --lock-seconds 10 --port 4800 --smtp-port 4810 --max-sockets 4096 --skip-build.
 * Prints p50/p95/p99 signing-to-SMTP, how long the backlog took to empty after the surge, each mail
 * received once, and for the overload phase the answers, the slowest answer, peak memory and liveness.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { startSmtpSink } from '@/lib/mail/smtp-sink';
import { buildUnlessSkipped, createScratchDatabase, option, percentile as percentileOfSorted, startProductionServer, tearDown, waitForHealth } from './support/production-server';

const RATE = Number(option('rate', '400'));
const SECONDS = Number(option('seconds', '30'));
const LOCK_SECONDS = Number(option('lock-seconds', '10'));
const PORT = Number(option('port', '4800'));
const SMTP_PORT = Number(option('smtp-port', '4810'));
const RUN = randomBytes(3).toString('hex');
const SLUG = 'bench-mail-petition';
const METRICS_TOKEN = randomBytes(16).toString('hex');
/** The memory bound the README states for one instance (resident set). */
const MEMORY_BOUND_MB = 600;

/**
 * The load generator's connections. 4096 (the default since 2026-12-03) plays what signers are: separate
 * browsers, each with its own connection, passed on by a proxy that does not queue them (nginx opens an
 * upstream connection per request it cannot put on an idle one), so every request reaches the server and
 * its front door decides. `--max-sockets 256` plays a client that queues instead (the runs before that
 * date): requests beyond 256 unanswered wait in this process and reach the server all at once when the
 * lock ends, as clients retrying together would.
 */
const MAX_SOCKETS = Number(option('max-sockets', '4096'));
const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
let counter = 0;

interface Answer {
  email: string;
  status: number;
  retryAfter: string | undefined;
  sentAt: number;
  answeredAt: number;
}

function sign(tag: string): Promise<Answer> {
  const n = ++counter;
  const email = `mail-${RUN}-${tag}-${n}@example.org`;
  const body = JSON.stringify({ name: 'Bench Signer', email, country: 'DE' });
  const sentAt = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        path: `/api/petitions/${SLUG}/signatures`,
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'X-Forwarded-For': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ email, status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string | undefined, sentAt, answeredAt: performance.now() }),
        );
      },
    );
    request.on('error', () => resolve({ email, status: 0, retryAfter: undefined, sentAt, answeredAt: performance.now() }));
    request.end(body);
  });
}

/** Open loop: `rate` requests a second for `seconds`, whatever the answers' speed (a surge does not wait). */
async function surge(tag: string, rate: number, seconds: number): Promise<Answer[]> {
  const answers: Promise<Answer>[] = [];
  const started = performance.now();
  const total = rate * seconds;
  while (answers.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    while (answers.length < due) answers.push(sign(tag));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Promise.all(answers);
}

/**
 * The kernel's count of connections dropped because a listening socket's accept queue was full (Linux;
 * NaN elsewhere). Such a connection is set up only when the kernel retries, about a second later: a
 * liveness check on a new connection would wait that long whatever the server's event loop does.
 * Machine-wide, so another program's overflow counts too.
 */
function listenOverflows(): number {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((line) => line.startsWith('TcpExt:'));
    const names = lines[0]!.split(/\s+/);
    const values = lines[1]!.split(/\s+/);
    return Number(values[names.indexOf('ListenOverflows')]);
  } catch {
    return NaN;
  }
}

const percentile = (values: number[], p: number) => percentileOfSorted([...values].sort((a, b) => a - b), p);

interface WorkerSamples {
  begunAt: number;
  live: { at: number; ms: number }[];
  liveFailures: number;
  server: { at: number; rssMb: number; lagMaxMs: number; lagP99Ms: number; cpuSeconds: number; heapUsedMb: number; outboxBacklog: number; mailsSent: number }[];
  gcLines: string[];
  refusalLines: string[];
  probeLagMaxMs: number;
}

/**
 * The probes: liveness every 200 ms and the server's metrics (resident memory, its own event-loop delay)
 * every 500 ms, in a worker thread (bench/support/probe-worker.mjs) so that they measure the server and
 * not this process, whose event loop also carries the load and the SMTP sink. Beside them, for
 * comparison with the earlier runs, the same liveness probe as before in this thread, and this thread's
 * own event-loop delay.
 */
async function startProbes() {
  const worker = new Worker(new URL('./support/probe-worker.mjs', import.meta.url), { workerData: { port: PORT, metricsToken: METRICS_TOKEN } });
  // The worker's connections are open and warm before anything is measured.
  await new Promise((resolve) => worker.once('message', resolve));
  const benchDelay = monitorEventLoopDelay({ resolution: 10 });
  benchDelay.enable();
  const inBench = { liveMaxMs: 0, liveFailures: 0 };
  let running = true;
  void (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`http://127.0.0.1:${PORT}/api/health/live`, { signal: AbortSignal.timeout(2000) });
        if (!response.ok) inBench.liveFailures++;
        await response.arrayBuffer();
      } catch {
        inBench.liveFailures++;
      }
      inBench.liveMaxMs = Math.max(inBench.liveMaxMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    /** Stops every probe; the worker's samples, the in-thread probe's worst, this thread's worst delay. */
    async stop() {
      running = false;
      benchDelay.disable();
      const samples = new Promise<WorkerSamples>((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      const result = await samples;
      await worker.terminate();
      return { ...result, inBench, benchLagMaxMs: benchDelay.max / 1e6 };
    },
  };
}

let server: ChildProcess | undefined;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
let failed = false;
const check = (ok: boolean, text: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
  if (!ok) failed = true;
};
const sink = await startSmtpSink(SMTP_PORT);
// A bench that hangs holds the machine's heavy-work lock: give up after ten minutes, cleaning up.
const giveUp = setTimeout(() => {
  console.error('bench:mail did not finish within ten minutes; stopping');
  failed = true;
  void tearDown([server], scratch).finally(() => process.exit(1));
}, 600_000);
giveUp.unref();

try {
  buildUnlessSkipped();
  scratch = await createScratchDatabase(`vigil_bench_mail_${RUN}`);
  const databaseUrl = scratch.url;
  const { openDatabase } = await import('@/db/client');
  const { cases, petitions } = await import('@/db/schema');
  const setup = await openDatabase({ url: databaseUrl });
  const [benchCase] = await setup.db
    .insert(cases)
    .values({ slug: 'bench-mail-case', title: 'Benchmark case', lifecycle: 'published', publicityMode: 'public_campaign', publishedAt: new Date() })
    .returning({ id: cases.id });
  const [petition] = await setup.db
    .insert(petitions)
    .values({ caseId: benchCase!.id, slug: SLUG, title: 'Benchmark petition', target: 'Nobody', goal: 1_000_000, status: 'open' })
    .returning({ id: petitions.id });
  // Published as it stands (the public reads published snapshots only).
  const { publishCasesAsTheyStand } = await import('@/lib/cases/first-snapshots');
  await setup.db.transaction((tx) => publishCasesAsTheyStand(tx, { userId: null, email: 'system:bench', ip: '' }, [benchCase!.id]));
  await setup.close();

  server = startProductionServer(PORT, databaseUrl, {
    VIGIL_TRUSTED_PROXIES: 'loopback',
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    MAIL_FROM: 'Vigil <no-reply@vigil.test>',
    VIGIL_METRICS_TOKEN: METRICS_TOKEN,
    LOG_LEVEL: 'warn',
  });
  await waitForHealth(server, PORT);
  // Warm-up: its accepted signatures' mails must arrive before the surge (a refused one sends none).
  const warmAccepted = (await surge('warm', 50, 2)).filter((answer) => answer.status === 202).length;
  const warmDeadline = performance.now() + 60_000;
  while (sink.messages.length < warmAccepted && performance.now() < warmDeadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(`Server up on ${PORT}, SMTP sink on ${SMTP_PORT}; load generator ${MAX_SOCKETS} sockets; ${os.cpus().length} CPUs, load average ${load()}.`);

  // 1. The surge: signing-to-SMTP latency.
  const received = new Map<string, number[]>();
  const sinkStart = sink.messages.length;
  const probes = await startProbes();
  const overflowsBefore = listenOverflows();
  const surgeStarted = performance.now();
  const answers = await surge('surge', RATE, SECONDS);
  const surgeEnded = performance.now();
  const accepted = answers.filter((answer) => answer.status === 202);
  const acceptedAt = new Map(accepted.map((answer) => [answer.email, answer.answeredAt]));
  // The sink stamps Date.now(); convert to this process's performance clock.
  const offset = Date.now() - performance.now();
  while (performance.now() - surgeEnded < 120_000) {
    const arrived = sink.messages.slice(sinkStart).filter((message) => acceptedAt.has(message.to)).length;
    if (arrived >= accepted.length) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const message of sink.messages.slice(sinkStart)) {
    const times = received.get(message.to) ?? [];
    times.push(message.receivedAt - offset);
    received.set(message.to, times);
  }
  const latencies = accepted.filter((answer) => received.has(answer.email)).map((answer) => received.get(answer.email)![0]! - answer.answeredAt);
  const lastArrival = Math.max(...[...received.values()].map((times) => times[0]!));
  const twice = [...received.values()].filter((times) => times.length > 1).length;
  const statuses = Object.entries(answers.reduce<Record<number, number>>((all, answer) => ({ ...all, [answer.status]: (all[answer.status] ?? 0) + 1 }), {}));
  console.log(`\nSurge: ${answers.length} requests at ${RATE}/s for ${SECONDS} s (took ${((surgeEnded - surgeStarted) / 1000).toFixed(1)} s): ${statuses.map(([status, n]) => `${status}×${n}`).join(' ')}`);
  console.log(`Signing p50/p95/p99: ${['50', '95', '99'].map((p) => percentile(accepted.map((a) => a.answeredAt - a.sentAt), Number(p)).toFixed(0)).join(' / ')} ms`);
  console.log(`Signing to SMTP p50/p95/p99: ${[50, 95, 99].map((p) => (percentile(latencies, p) / 1000).toFixed(2)).join(' / ')} s over ${latencies.length} mails`);
  console.log(`Backlog empty ${((lastArrival - surgeEnded) / 1000).toFixed(1)} s after the surge ended; load average ${load()}.`);
  check(accepted.length >= answers.length * 0.99, `at least 99 % accepted (${accepted.length} of ${answers.length})`);
  check(latencies.length === accepted.length, `every accepted signature's mail arrived (${latencies.length} of ${accepted.length})`);
  check(percentile(latencies, 95) < 10_000, 'p95 signing-to-SMTP under 10 s');
  check(lastArrival - surgeEnded < 30_000, 'backlog back to 0 within 30 s after the surge');
  check(twice === 0, `each mail once (${twice} received twice)`);

  // 2. Overload: the petition row locked for LOCK_SECONDS while signatures keep coming.
  const overloadBegunAt = performance.timeOrigin + performance.now();
  const locker = new Client({ connectionString: databaseUrl });
  await locker.connect();
  await locker.query('begin');
  await locker.query('select id from petitions where id = $1 for update', [petition!.id]);
  const unlock = setTimeout(() => void locker.query('commit'), LOCK_SECONDS * 1000);
  const overload = await surge('locked', RATE, LOCK_SECONDS + 5);
  clearTimeout(unlock);
  await locker.query('commit').catch(() => {});
  await locker.end();
  const probed = await probes.stop();
  const overflows = listenOverflows() - overflowsBefore;
  const liveMaxMs = Math.max(0, ...probed.live.map((sample) => sample.ms));
  const overloadFrom = overloadBegunAt - probed.begunAt;
  const liveIn = (samples: { at: number; ms: number }[]) =>
    `${samples.length} samples, slowest ${Math.max(0, ...samples.map((sample) => sample.ms)).toFixed(0)} ms, p99 ${percentile(samples.map((sample) => sample.ms), 99).toFixed(0)} ms`;
  const rssMaxMb = Math.max(0, ...probed.server.map((sample) => sample.rssMb));
  const serverLagMaxMs = Math.max(0, ...probed.server.map((sample) => sample.lagMaxMs).filter(Number.isFinite));
  const overloadStatuses = Object.entries(overload.reduce<Record<number, number>>((all, answer) => ({ ...all, [answer.status]: (all[answer.status] ?? 0) + 1 }), {}));
  const slowest = Math.max(...overload.map((answer) => answer.answeredAt - answer.sentAt));
  console.log(`\nOverload (${LOCK_SECONDS} s row lock, ${RATE}/s for ${LOCK_SECONDS + 5} s): ${overloadStatuses.map(([status, n]) => `${status}×${n}`).join(' ')}; slowest answer ${(slowest / 1000).toFixed(1)} s`);
  console.log(`Peak resident memory ${rssMaxMb.toFixed(0)} MB (bound ${MEMORY_BOUND_MB} MB); slowest liveness ${liveMaxMs.toFixed(0)} ms, ${probed.liveFailures} failed (probe thread, ${probed.live.length} samples, p99 ${percentile(probed.live.map((sample) => sample.ms), 99).toFixed(0)} ms; the probe thread's own worst event-loop delay ${probed.probeLagMaxMs.toFixed(0)} ms).`);
  console.log(`Liveness by phase: the surge and its backlog ${liveIn(probed.live.filter((sample) => sample.at < overloadFrom))}; the overload from ${(overloadFrom / 1000).toFixed(1)} s ${liveIn(probed.live.filter((sample) => sample.at >= overloadFrom))}.`);
  console.log(`Server's own event loop (its metrics, every 500 ms): worst delay ${serverLagMaxMs.toFixed(0)} ms; p99 of the windows' p99 ${percentile(probed.server.map((sample) => sample.lagP99Ms).filter(Number.isFinite), 99).toFixed(0)} ms; peak heap used ${Math.max(0, ...probed.server.map((sample) => sample.heapUsedMb)).toFixed(0)} MB.`);
  console.log(`For comparison, the old probe in the bench's own thread: slowest liveness ${probed.inBench.liveMaxMs.toFixed(0)} ms, ${probed.inBench.liveFailures} failed; the bench thread's worst event-loop delay ${probed.benchLagMaxMs.toFixed(0)} ms.`);
  console.log(`Listen-queue overflows on this machine while the probes ran: ${overflows}.`);
  console.log(`Server's 503s since it started, by reason: ${probed.refusalLines.map((line) => line.replace(/^vigil_/, '')).join('; ') || 'none'}`);
  console.log(`Server's garbage collection since it started (seconds, cumulative buckets by kind): ${probed.gcLines.map((line) => line.replace('vigil_nodejs_gc_duration_seconds', '')).join('; ')}`);
  // The surge second by second (2 s steps, from its start): what was accepted, what reached SMTP, what
  // the outbox held and how late the server's loop ran. A mail lag shows here as mail that stops flowing.
  const surgeStartedAt = performance.timeOrigin + surgeStarted;
  const step = 2000;
  const steps = Math.ceil((lastArrival - surgeStarted) / step) + 1;
  const timeline: string[] = [];
  for (let i = 0; i < steps; i++) {
    const [from, to] = [i * step, (i + 1) * step];
    const inStep = (ms: number) => ms >= from && ms < to;
    const signed = accepted.filter((answer) => inStep(answer.answeredAt - surgeStarted)).length;
    const mailed = sink.messages.slice(sinkStart).filter((message) => inStep(message.receivedAt - surgeStartedAt)).length;
    const samples = probed.server.filter((sample) => inStep(probed.begunAt + sample.at - surgeStartedAt));
    const backlog = samples.at(-1)?.outboxBacklog;
    const lag = Math.max(0, ...samples.map((sample) => sample.lagMaxMs).filter(Number.isFinite));
    timeline.push(`${from / 1000}s: +${signed} signed, +${mailed} mailed, outbox ${backlog ?? '?'}, loop ${lag.toFixed(0)} ms`);
  }
  console.log(`Surge timeline (2 s steps): ${timeline.join('; ')}`);
  const slowSamples = probed.live.filter((sample) => sample.ms >= 100);
  if (slowSamples.length > 0) {
    const near = (at: number) => probed.server.filter((sample) => Math.abs(sample.at - at) < 1000);
    const lagNear = (at: number) => Math.max(0, ...near(at).map((sample) => sample.lagMaxMs).filter(Number.isFinite));
    // The server's CPU over the samples around: near 100 % it was busy itself; far below, it waited for a core.
    const cpuNear = (at: number) => {
      const around = near(at);
      const first = around[0];
      const last = around.at(-1);
      return first && last && last.at > first.at ? ((last.cpuSeconds - first.cpuSeconds) / ((last.at - first.at) / 1000)) * 100 : NaN;
    };
    console.log(`Liveness samples of 100 ms or more (at s since the probes began: ms, server's worst delay within 1 s, server's CPU within 1 s): ${slowSamples.map((sample) => `${(sample.at / 1000).toFixed(1)}: ${sample.ms.toFixed(0)}, ${lagNear(sample.at).toFixed(0)}, ${cpuNear(sample.at).toFixed(0)} %`).join('; ')}`);
    console.log(`Server's CPU over the whole probe: ${(((probed.server.at(-1)?.cpuSeconds ?? 0) - (probed.server[0]?.cpuSeconds ?? 0)) / (((probed.server.at(-1)?.at ?? 0) - (probed.server[0]?.at ?? 0)) / 1000) * 100).toFixed(0)} % of a core.`);
  }
  check(overload.every((answer) => answer.status === 202 || (answer.status === 503 && Number(answer.retryAfter) > 0)), 'every request answered 202, or 503 with Retry-After');
  check(slowest < 20_000, 'every answer within its deadline (2 s queue + 15 s statement)');
  check(rssMaxMb > 0 && rssMaxMb < MEMORY_BOUND_MB, `memory under ${MEMORY_BOUND_MB} MB`);
  check(liveMaxMs < 100 && probed.liveFailures === 0, 'liveness under 100 ms throughout (probe thread)');

  // 3. Nothing accepted lost, nothing stored twice (both phases).
  const everyAccepted = [...accepted, ...overload.filter((answer) => answer.status === 202)].map((answer) => answer.email);
  const reader = new Client({ connectionString: databaseUrl });
  await reader.connect();
  const { rows } = await reader.query<{ email: string; n: number }>('select email, count(*)::int as n from petition_signatures where email like $1 group by email', [`mail-${RUN}-%`]);
  await reader.end();
  const stored = new Map(rows.map((row) => [row.email, row.n]));
  check(everyAccepted.every((email) => stored.get(email) === 1), `every accepted signature stored once (${everyAccepted.length})`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await tearDown([server], scratch);
  await sink.close();
  agent.destroy();
}
process.exit(failed ? 1 : 0);
