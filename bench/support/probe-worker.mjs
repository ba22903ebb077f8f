/**
 * The overload phase's probes, in a worker thread of their own (bench/mail.ts starts it): liveness every
 * 200 ms and the server's metrics every 500 ms. In the bench's main thread they shared an event loop with
 * the load generator (400 requests a second, their answers, the SMTP sink), so a liveness answer that
 * waited there was counted as the server's. This thread does nothing else; its own event-loop delay is
 * measured too, so a slow sample can be told apart from a stalled probe.
 *
 * workerData: { port, metricsToken }. Posts { type: 'samples', ... } when it receives 'stop'.
 * Plain JavaScript so the worker needs no TypeScript loader.
 */
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
const begun = performance.now();

const metric = (text, name) => {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
};

async function probeLiveness() {
  while (running) {
    const started = performance.now();
    let ok = false;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health/live`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      ok = response.ok;
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
      const response = await fetch(`http://127.0.0.1:${port}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` }, signal: AbortSignal.timeout(5000) });
      const text = await response.text();
      gcLines = text.split('\n').filter((line) => line.startsWith('vigil_nodejs_gc_duration_seconds') && !line.includes('le="0.001"') && !line.includes('le="2"') && !line.includes('le="5"'));
      server.push({
        at: started - begun,
        rssMb: (metric(text, 'vigil_process_resident_memory_bytes') ?? 0) / 1024 / 1024,
        // prom-client's monitorEventLoopDelay histogram, reset at every scrape: the worst delay since the last one.
        lagMaxMs: (metric(text, 'vigil_nodejs_eventloop_lag_max_seconds') ?? NaN) * 1000,
        lagP99Ms: (metric(text, 'vigil_nodejs_eventloop_lag_p99_seconds') ?? NaN) * 1000,
        cpuSeconds: metric(text, 'vigil_process_cpu_seconds_total') ?? NaN,
        heapUsedMb: (metric(text, 'vigil_nodejs_heap_size_used_bytes') ?? 0) / 1024 / 1024,
      });
    } catch {
      // busy: the next sample
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// One answer before the samples count: the worker's first fetch loads undici and opens its connection.
await fetch(`http://127.0.0.1:${port}/api/health/live`).then((response) => response.arrayBuffer()).catch(() => {});
const loops = [probeLiveness(), probeMetrics()];
parentPort.on('message', async (message) => {
  if (message !== 'stop') return;
  running = false;
  await Promise.all(loops);
  ownDelay.disable();
  parentPort.postMessage({ type: 'samples', live, liveFailures, server, gcLines, probeLagMaxMs: ownDelay.max / 1e6 });
});
