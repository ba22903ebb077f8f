import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installDatabase, openDatabase, type OpenDatabase } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { metrics } from '@/lib/observability/metrics';
import { GET } from './route';

let opened: OpenDatabase;
beforeAll(async () => {
  opened = await openDatabase({ dataDir: 'memory' });
  installDatabase(opened);
});
afterAll(async () => {
  installDatabase(undefined);
  await opened.close();
});
afterEach(() => {
  delete process.env.VIGIL_METRICS_TOKEN;
});

const scrape = (authorization?: string) =>
  GET(new Request('https://vigil.test/api/metrics', { headers: authorization ? { authorization } : {} }));

describe('GET /api/metrics', () => {
  it('does not exist without VIGIL_METRICS_TOKEN, and refuses a scrape without the token', async () => {
    expect((await scrape('Bearer anything')).status).toBe(404);
    process.env.VIGIL_METRICS_TOKEN = 'scrape-secret-123';
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer scrape-secret-12')).status).toBe(401);
  });

  it('serves Prometheus text with the outbox backlog read at scrape time, and the process counters', async () => {
    process.env.VIGIL_METRICS_TOKEN = 'scrape-secret-123';
    await opened.db.insert(mailOutbox).values([1, 2, 3].map((n) => ({ toAddress: `m${n}@example.org`, subject: 's', textBody: 't' })));
    metrics().mailOutcomes.inc({ outcome: 'sent' }, 5);
    const response = await scrape('Bearer scrape-secret-123');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^vigil_mail_outbox_backlog 3$/m);
    expect(text).toMatch(/^vigil_mail_outbox_oldest_age_seconds \d/m);
    expect(text).toMatch(/^vigil_mail_messages_total\{outcome="sent"\} 5$/m);
    expect(text).toContain('vigil_process_resident_memory_bytes');
  });
});
