/**
 * The overload phase's probes, in a worker thread of their own (bench/mail.ts starts it): liveness every
 * 200 ms and the server's metrics every 500 ms. In the bench's main thread they shared an event loop with
 * the load generator (400 requests a second, their answers, the SMTP sink), so a liveness answer that
 * waited there was counted as the server's. This thread does nothing else; its own event-loop delay is
 * measured too, so a slow sample can be told apart from a stalled probe.
 *
 * Each probe has its own keep-alive connection, opened and warmed before the first sample counts
 * (the worker posts 'ready'; bench/mail.ts starts the surge after it). Before that, the first liveness
 * sample was taken on a new connection opened while the surge began, next to the first metrics scrape,
 * and took 0.2–2 s while a warm probe in another thread got answers in under 100 ms at the same moments:
 * the time went to the worker's start and to opening a connection, not to the server's answer.
 * A connection that could not be opened at once (the server's accept queue full) is still seen: the
 * bench prints the kernel's count of listen-queue overflows.
 *
 * workerData: { port, metricsToken }. Posts 'ready', then { type: 'samples', ... } when it receives 'stop'.
 * Plain JavaScript so the worker needs no TypeScript loader.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { port, metricsToken } = workerData;
const ownDelay = monitorEventLoopDelay({ resolution: 10 });
ownDelay.enable();

let running = true;
/** Each liveness sample: when it started (ms since the worker began) and how long the answer took. */
const live = [];
let liveFailures = 0;
/** Each metrics sample: resident memory and the server's own event-loop delay since the sample before. */
const server = [];
/** The server's garbage-collection histogram (prom-client, by kind) at the last scrape. */
let gcLines = [];
/** The server's 503s by reason at the last scrape: the front door's and the signing queue's. */
let refusalLines = [];
const begun = performance.now();
/** The same moment on the wall clock, shared with the bench's thread (each thread's performance.now() has its own origin). */
const begunAt = performance.timeOrigin + begun;

const liveAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const metricsAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET path on the probe's own connection: status and body, or an error after timeoutMs. */
function get(agent, path, headers, timeoutMs) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent, headers, timeout: timeoutMs }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

const metric = (text, name) => {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
};

const scrape = () => get(metricsAgent, '/api/metrics', { authorization: `Bearer ${metricsToken}` }, 5000);

async function probeLiveness() {
  while (running) {
    const started = performance.now();
    let ok = false;
    try {
      ok = (await get(liveAgent, '/api/health/live', {}, 2000)).status === 200;
    } catch {
      // counted below
    }
    if (!ok) liveFailures++;
    live.push({ at: started - begun, ms: performance.now() - started });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function probeMetrics() {
  while (running) {
    const started = performance.now();
    try {
      const { text } = await scrape();
      refusalLines = text.split('\n').filter((line) => line.startsWith('vigil_http_shed_total{') || line.startsWith('vigil_signing_unavailable_total{'));
      gcLines = text.split('\n').filter((line) => line.startsWith('vigil_nodejs_gc_duration_seconds') && !line.includes('le="0.001"') && !line.includes('le="2"') && !line.includes('le="5"'));
      server.push({
        at: started - begun,
        rssMb: (metric(text, 'vigil_process_resident_memory_bytes') ?? 0) / 1024 / 1024,
        // prom-client's monitorEventLoopDelay histogram, reset at every scrape: the worst delay since the last one.
        lagMaxMs: (metric(text, 'vigil_nodejs_eventloop_lag_max_seconds') ?? NaN) * 1000,
        lagP99Ms: (metric(text, 'vigil_nodejs_eventloop_lag_p99_seconds') ?? NaN) * 1000,
        cpuSeconds: metric(text, 'vigil_process_cpu_seconds_total') ?? NaN,
        heapUsedMb: (metric(text, 'vigil_nodejs_heap_size_used_bytes') ?? 0) / 1024 / 1024,
        // The outbox's pending messages (read from the database at the scrape) and the mails sent so far.
        outboxBacklog: metric(text, 'vigil_mail_outbox_backlog') ?? NaN,
        mailsSent: metric(text, 'vigil_mail_messages_total\\{outcome="sent"\\}') ?? 0,
      });
    } catch {
      // busy: the next sample
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// Warm-up, not counted: open both connections and run each request's code once (twice for liveness).
// The first scrape also resets the server's event-loop histogram, so the first sample's delay is the surge's, not the start-up's.
for (let i = 0; i < 2; i++) await get(liveAgent, '/api/health/live', {}, 10_000).catch(() => {});
await scrape().catch(() => {});
parentPort.postMessage('ready');
const loops = [probeLiveness(), probeMetrics()];
parentPort.on('message', async (message) => {
  if (message !== 'stop') return;
  running = false;
  await Promise.all(loops);
  ownDelay.disable();
  liveAgent.destroy();
  metricsAgent.destroy();
  parentPort.postMessage({ type: 'samples', begunAt, live, liveFailures, server, gcLines, refusalLines, probeLagMaxMs: ownDelay.max / 1e6 });
});
