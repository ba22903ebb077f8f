import { afterEach, describe, expect, it } from 'vitest';
import { type Database, installDatabase, openDatabase } from '@/db/client';
import { MAX_REQUESTS_IN_FLIGHT } from '@/lib/http/front-door';
import { processShared } from '@/lib/runtime/process-shared';
import { GET } from './route';

afterEach(() => installDatabase(undefined));

describe('GET /api/health (readiness)', () => {
  it('answers 200 ok when the database answers', async () => {
    const opened = await openDatabase({ dataDir: 'memory' });
    installDatabase(opened);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'applied', load: 'ok' });
    await opened.close();
  });

  it('answers 503 when the database is gone', async () => {
    const opened = await openDatabase({ dataDir: 'memory' });
    await opened.close();
    installDatabase(opened);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unready', database: 'unavailable', migrations: 'unknown', load: 'ok' });
    expect(response.headers.get('Retry-After')).toBe('5');
  });

  it('answers 503 when the database hangs, without waiting for it', async () => {
    const hanging = { execute: () => new Promise(() => {}) } as unknown as Database;
    installDatabase({ db: hanging, engine: 'postgres', close: async () => {} });
    const started = Date.now();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('goes unready while the instance is full, and ready again when it is not', async () => {
    const opened = await openDatabase({ dataDir: 'memory' });
    installDatabase(opened);
    const load = processShared('frontDoor', () => ({ inFlight: 0 }));
    load.inFlight = MAX_REQUESTS_IN_FLIGHT;
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unready', database: 'ok', load: 'full' });
    } finally {
      load.inFlight = 0;
    }
    expect((await GET()).status).toBe(200);
    await opened.close();
  });
});
