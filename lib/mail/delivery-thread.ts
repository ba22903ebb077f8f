/**
 * The thread mail goes out from, in the production server on Postgres (started by
 * lib/mail/start-delivery-thread.ts): the job `mail.deliver` with its own event loop, its own database
 * pool and its own SMTP pool. On the main thread every SMTP command and every answer waited for a turn
 * of the loop that also handles requests; under a surge of signing those turns took 100–400 ms, each
 * message needs four round trips, and ten connections carried 5–15 messages a second: confirmation mail
 * fell tens of seconds behind signing (bench/README.md, issue 16).
 *
 * The job keeps its lease in Postgres as before, so several instances still share the outbox. The
 * thread posts its mail and job counters to the main thread every second ({ type: 'counters' }), so
 * /api/metrics shows them; on 'stop' it stops its job, gives back its lease, closes its pools and
 * answers { type: 'stopped' }.
 */
import { parentPort } from 'node:worker_threads';
import { getDatabase } from '@/db/client';
import { MAIL_DELIVERY_JOB, startBackgroundJobs } from '@/lib/jobs/background-jobs';
import { logger } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { runShutdownHooks } from '@/lib/runtime/shutdown';

/** The counters this thread adds to; the main thread adds what it receives to its own. */
export const FORWARDED_COUNTERS = ['vigil_mail_messages_total', 'vigil_job_runs_total'] as const;

export interface CounterValues {
  type: 'counters';
  values: { name: (typeof FORWARDED_COUNTERS)[number]; labels: Record<string, string>; value: number }[];
}

if (!parentPort) throw new Error('lib/mail/delivery-thread.ts runs as a worker thread (lib/mail/start-delivery-thread.ts)');
const port = parentPort;

async function postCounters(): Promise<void> {
  const all = await metrics().registry.getMetricsAsJSON();
  const values = all
    .filter((metric) => (FORWARDED_COUNTERS as readonly string[]).includes(metric.name))
    .flatMap((metric) =>
      metric.values.map((value) => ({
        name: metric.name as CounterValues['values'][number]['name'],
        labels: Object.fromEntries(Object.entries(value.labels).map(([key, label]) => [key, String(label)])),
        value: value.value,
      })),
    );
  port.postMessage({ type: 'counters', values } satisfies CounterValues);
}

startBackgroundJobs({ only: [MAIL_DELIVERY_JOB] });
const counters = setInterval(() => void postCounters().catch(() => {}), 1_000);
port.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(counters);
  void (async () => {
    // Stops the job between messages and gives back its lease, then closes the SMTP pool.
    await runShutdownHooks(8_000, (name, error) => logger().warn({ err: error, hook: name }, 'mail delivery thread: shutdown step failed'));
    await postCounters().catch(() => {});
    await (await getDatabase()).close().catch(() => {});
    port.postMessage({ type: 'stopped' });
  })();
});
