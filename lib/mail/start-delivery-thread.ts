/**
 * Starts the mail delivery thread (lib/mail/delivery-thread.ts) from the production server (server.ts),
 * before Next starts the other background jobs, which then leave `mail.deliver` to it. A thread that
 * fails is started again after a few seconds (its claims are handled as a crashed sender's:
 * lib/mail/deliver-outbox.ts). On shutdown it is asked to stop and give back its lease.
 */
import { Worker } from 'node:worker_threads';
import { markDeliveryThreadRunning } from '@/lib/jobs/delivery-thread-state';
import { logger } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { processShared } from '@/lib/runtime/process-shared';
import { onShutdown } from '@/lib/runtime/shutdown';
import type { CounterValues } from './delivery-thread';

const RESTART_AFTER_MS = 5_000;
const STOP_WAIT_MS = 9_000;

interface DeliveryThread {
  worker: Worker;
  stopping: boolean;
  /** The current worker has exited (failed, or stopped). */
  exited: boolean;
  /** The thread's counters as last received, by series, so only what is new is added here. */
  seen: Map<string, number>;
}

/**
 * `entry` is the thread's compiled file (server.ts passes the one esbuild writes beside it); `env` the
 * thread's environment (DATABASE_URL, SMTP_URL; the process's by default).
 */
export function startDeliveryThread(entry: URL, env: NodeJS.ProcessEnv = process.env): { stop(): Promise<void> } {
  const thread = processShared('deliveryThread', () => {
    const state = { stopping: false } as DeliveryThread;
    const start = () => {
      const worker = new Worker(entry, { env });
      state.worker = worker;
      state.exited = false;
      state.seen = new Map();
      worker.on('message', (message: CounterValues | { type: 'stopped' }) => {
        if (message.type === 'counters') addCounters(state, message);
      });
      worker.on('error', (error) => logger().error({ err: error }, 'mail delivery thread failed'));
      worker.on('exit', (code) => {
        state.exited = true;
        if (state.stopping) return;
        logger().error({ code }, `mail delivery thread exited; starting it again in ${RESTART_AFTER_MS / 1000} s`);
        setTimeout(() => state.stopping || start(), RESTART_AFTER_MS).unref();
      });
    };
    start();
    markDeliveryThreadRunning(true);
    onShutdown('mail delivery thread', 10, () => stopThread(state));
    return state;
  });
  return { stop: () => stopThread(thread) };
}

/** Asks the thread to stop its job and give back its lease; ends it if it has not within STOP_WAIT_MS. */
async function stopThread(state: DeliveryThread): Promise<void> {
  if (state.stopping) return;
  state.stopping = true;
  const worker = state.worker;
  if (state.exited) return;
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    worker.on('message', (message: { type: string }) => message.type === 'stopped' && resolve());
    worker.once('exit', () => resolve());
    timer = setTimeout(resolve, STOP_WAIT_MS);
    worker.postMessage('stop');
  });
  clearTimeout(timer);
  await worker.terminate();
}

function addCounters(state: DeliveryThread, { values }: CounterValues): void {
  const counters = { vigil_mail_messages_total: metrics().mailOutcomes, vigil_job_runs_total: metrics().jobRuns };
  for (const { name, labels, value } of values) {
    const series = `${name}${JSON.stringify(labels)}`;
    const added = value - (state.seen.get(series) ?? 0);
    state.seen.set(series, value);
    if (added > 0) counters[name].inc(labels, added);
  }
}
