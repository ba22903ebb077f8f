import { afterEach, describe, expect, it } from 'vitest';
import { type Database, installDatabase, openDatabase } from '@/db/client';
import { GET } from './route';

afterEach(() => installDatabase(undefined));

describe('GET /api/health', () => {
  it('answers 200 ok when the database answers', async () => {
    const opened = await openDatabase({ dataDir: 'memory' });
    installDatabase(opened);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    await opened.close();
  });

  it('answers 503 when the database is gone', async () => {
    const opened = await openDatabase({ dataDir: 'memory' });
    await opened.close();
    installDatabase(opened);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', database: 'unavailable' });
  });

  it('answers 503 when the database hangs, without waiting for it', async () => {
    const hanging = { execute: () => new Promise(() => {}) } as unknown as Database;
    installDatabase({ db: hanging, engine: 'postgres', close: async () => {} });
    const started = Date.now();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
