/**
 * The signing API under faults, on real Postgres (a scratch database; connections killed are its own):
 * a surge while the petition row is locked, and every connection killed mid-batch. Each request is
 * answered 202 or 503 with Retry-After within its deadline, never 500; every 202 is stored, once.
 */
import { inArray, sql } from 'drizzle-orm';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDatabase, type OpenDatabase } from '@/db/client';
import { petitionSignatures } from '@/db/schema';
import { terminateConnections } from '@/db/terminate-connections';
import { testEngines } from '@/db/testing';
import { createTestPetition, signer, testAddress } from '@/lib/petitions/test-fixtures';
import { SIGNING_QUEUE_MAX_WAIT_MS } from '@/lib/petitions/sign-petition';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { POST } from './route';

const postgres = testEngines().find((candidate) => candidate.engine === 'postgres');
let opened: OpenDatabase;
let databaseUrl: string;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  if (!postgres) return;
  process.env.NEXTAUTH_URL = 'https://vigil.test';
  process.on('uncaughtException', onUncaught);
  opened = await postgres.open();
  installDatabase(opened);
  const { rows } = (await opened.db.execute(sql`select current_database() as name`)) as unknown as { rows: [{ name: string }] };
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${rows[0].name}`;
  databaseUrl = url.toString();
});
afterAll(async () => {
  if (!postgres) return;
  process.off('uncaughtException', onUncaught);
  delete process.env.NEXTAUTH_URL;
  installDatabase(undefined);
  await opened.close();
});

let sequence = 0;
interface Answer {
  email: string;
  status: number;
  retryAfter: string | null;
  ms: number;
}
async function sign(slug: string, tag: string): Promise<Answer> {
  const n = ++sequence;
  const email = `${tag}-${n}@example.org`;
  const started = Date.now();
  const response = await POST(
    new Request(`https://vigil.test/api/petitions/${slug}/signatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: testAddress(n) },
      body: JSON.stringify(signer(email)),
    }),
    { params: Promise.resolve({ slug }) },
  );
  return { email, status: response.status, retryAfter: response.headers.get('retry-after'), ms: Date.now() - started };
}

/** `total` signatures arriving over about a second, as a surge does. */
async function surge(slug: string, tag: string, total: number): Promise<Answer[]> {
  const answers: Promise<Answer>[] = [];
  for (let i = 0; i < total; i++) {
    answers.push(sign(slug, tag));
    if (i % 25 === 24) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Promise.all(answers);
}

async function expectEveryAcceptedStoredOnce(answers: Answer[]): Promise<void> {
  const accepted = answers.filter((answer) => answer.status === 202).map((answer) => answer.email);
  const stored = await opened.db
    .select({ email: petitionSignatures.email })
    .from(petitionSignatures)
    .where(inArray(petitionSignatures.email, accepted));
  expect(stored.length).toBe(accepted.length);
  expect(new Set(stored.map((row) => row.email)).size).toBe(accepted.length);
}

describe.skipIf(!postgres)('signing API under database faults [postgres]', () => {
  it('a held lock on the petition row during a surge: 202 or 503 with Retry-After, within the deadline, nothing accepted lost', async () => {
    const { slug, petitionId } = await createTestPetition(opened.db);
    await sign(slug, 'warm'); // the petition is known to this instance before the lock
    const locker = new Client({ connectionString: databaseUrl });
    await locker.connect();
    await locker.query('begin');
    await locker.query('select id from petitions where id = $1 for update', [petitionId]);
    const release = setTimeout(() => void locker.query('commit'), 4_000);
    try {
      const answers = await surge(slug, 'locked', 300);
      expect(answers.filter((answer) => answer.status !== 202 && answer.status !== 503)).toEqual([]);
      const refused = answers.filter((answer) => answer.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((answer) => Number(answer.retryAfter) > 0)).toBe(true);
      expect(answers.some((answer) => answer.status === 202)).toBe(true);
      // Refused ones waited at most the queue's deadline (plus a busy machine's slack); accepted ones one statement more.
      expect(Math.max(...refused.map((answer) => answer.ms))).toBeLessThan(SIGNING_QUEUE_MAX_WAIT_MS + 3_000);
      expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(SIGNING_QUEUE_MAX_WAIT_MS + 15_000 + 3_000);
      await expectEveryAcceptedStoredOnce(answers);
    } finally {
      clearTimeout(release);
      await locker.query('commit').catch(() => {});
      await locker.end();
    }
  });

  it('every connection killed mid-batch: 202 or 503 with Retry-After, never 500, nothing accepted lost, and signing goes on', async () => {
    const { slug } = await createTestPetition(opened.db);
    await sign(slug, 'warm');
    const name = new URL(databaseUrl).pathname.slice(1);
    const surging = surge(slug, 'killed', 300);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await terminateConnections(process.env.TEST_DATABASE_URL!, name)).toBeGreaterThan(0);
    const answers = await surging;
    expect(answers.filter((answer) => answer.status !== 202 && answer.status !== 503)).toEqual([]);
    expect(answers.filter((answer) => answer.status === 503).every((answer) => Number(answer.retryAfter) > 0)).toBe(true);
    await expectEveryAcceptedStoredOnce(answers);
    expect((await sign(slug, 'after')).status).toBe(202);
    expect(uncaught).toEqual([]);
  });
});
