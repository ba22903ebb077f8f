/**
 * The Prometheus metrics of this process (prom-client), served by /api/metrics. One registry per
 * process whichever bundle records (lib/runtime/process-shared.ts). Gauges that need the database
 * (the outbox) are read when Prometheus scrapes, by lib/observability/read-metrics.ts.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { processShared } from '../runtime/process-shared';

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigil_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({ name: 'vigil_http_requests_total', help: 'HTTP requests answered, by route, method and status', labelNames: ['route', 'method', 'status'], registers }),
    httpDuration: new Histogram({
      name: 'vigil_http_request_duration_seconds',
      help: 'Time from request to the end of the response, by route and method',
      labelNames: ['route', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
      registers,
    }),
    httpShed: new Counter({
      name: 'vigil_http_shed_total',
      help: 'Requests answered 503 at once by the front door, by route and reason (instance_full: in flight at the bound; instance_busy: the event loop delayed)',
      labelNames: ['route', 'reason'],
      registers,
    }),
    httpInFlight: new Gauge({ name: 'vigil_http_requests_in_flight', help: 'Requests being handled now', registers }),
    signingQueueDepth: new Gauge({ name: 'vigil_signing_queue_depth', help: 'Signatures waiting for the next group-commit batch', registers }),
    signingBatchSize: new Histogram({ name: 'vigil_signing_batch_size', help: 'Signatures written by one statement', buckets: [1, 2, 5, 10, 20, 50, 100, 200], registers }),
    signingRefused: new Counter({ name: 'vigil_signing_unavailable_total', help: 'Signatures answered 503, by reason', labelNames: ['reason'], registers }),
    mailOutcomes: new Counter({ name: 'vigil_mail_messages_total', help: 'Messages handed to SMTP, by outcome (sent, rejected, unreachable, unknown)', labelNames: ['outcome'], registers }),
    outboxBacklog: new Gauge({ name: 'vigil_mail_outbox_backlog', help: 'Messages waiting to be sent (pending)', registers }),
    outboxOldestSeconds: new Gauge({ name: 'vigil_mail_outbox_oldest_age_seconds', help: 'Age of the oldest pending message', registers }),
    jobRuns: new Counter({ name: 'vigil_job_runs_total', help: 'Background job runs on this instance, by job and outcome (ok, failed)', labelNames: ['job', 'outcome'], registers }),
    cacheLookups: new Counter({ name: 'vigil_cache_lookups_total', help: 'Cache lookups, by cache and result (hit, miss)', labelNames: ['cache', 'result'], registers }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function metrics(): Metrics {
  return processShared('metrics', createMetrics);
}
