/** The partners' API as they see it: status codes, bodies and headers, on both engines. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { petitions, petitionSignatures } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { forgetSigningPetitions } from '@/lib/petitions/find-signing-petition';
import { forgetPetitionCounts } from '@/lib/petitions/get-petition-count';
import { createTestPetition } from '@/lib/petitions/test-fixtures';
import { GET as getCount } from '../count/route';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { POST } from './route';

let address = 0;
const call = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request(`https://vigil.test/api/petitions/${slug}/signatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: `198.18.0.${++address}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );
const signer = (email: string) => ({ name: 'Partner Signer', email, country: 'DE' });

beforeAll(() => {
  process.env.NEXTAUTH_URL = 'https://vigil.test';
});
afterAll(() => {
  delete process.env.NEXTAUTH_URL;
});
beforeEach(() => {
  forgetSigningPetitions();
  forgetPetitionCounts();
});

describeEachEngine('POST /api/petitions/[slug]/signatures', ({ db }) => {
  it('answers 202 pending_confirmation, for a new and a repeated signature alike', async () => {
    const { slug } = await createTestPetition(db());
    for (const email of ['partner@example.org', 'PARTNER@example.org']) {
      const response = await call(slug, signer(email));
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ status: 'pending_confirmation' });
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers 400 naming the field, for bad fields and bad JSON', async () => {
    const { slug } = await createTestPetition(db());
    const bad = await call(slug, { name: 'X', email: 'nope', country: 'DE' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid_field', field: 'email', code: 'emailInvalid', message: 'Enter a valid e-mail address.' });
    expect(await (await call(slug, { email: 'a@example.org', country: 'DE' })).json()).toMatchObject({ field: 'name' });
    const notJson = await call(slug, '{"name":');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'invalid_json' });
    expect((await call(slug, signer('k@example.org'), { 'idempotency-key': 'has space' })).status).toBe(400);
    expect((await call(slug, { ...signer('big@example.org'), name: 'x'.repeat(9000) })).status).toBe(413);
  });

  it('answers 400 naming the field for a name with a NUL or a lone surrogate, and stores nothing', async () => {
    const { slug, petitionId } = await createTestPetition(db());
    for (const name of ['Kim\u0000', '\u0000', 'Kim \ud800', '\udc00Lee']) {
      const response = await call(slug, { ...signer('nul@example.org'), name });
      expect(response.status, JSON.stringify(name)).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_field',
        field: 'name',
        code: 'textInvalid',
        message: 'This text contains a character that cannot be saved (a NUL or a broken character). Remove it and try again.',
      });
    }
    expect(await db().select().from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId))).toEqual([]);
    // A name in any script, emoji included (a surrogate pair), still signs.
    expect((await call(slug, { ...signer('pair@example.org'), name: '김 😀' })).status).toBe(202);
  });

  it('answers 404 for an unknown or hidden petition and 409 for a closed one', async () => {
    expect((await call('no-such-petition', signer('a@example.org'))).status).toBe(404);
    const hidden = await createTestPetition(db(), { status: 'draft' });
    expect((await call(hidden.slug, signer('a@example.org'))).status).toBe(404);
    const { slug, petitionId } = await createTestPetition(db());
    await db().update(petitions).set({ status: 'closed' }).where(eq(petitions.id, petitionId));
    const closed = await call(slug, signer('a@example.org'));
    expect(closed.status).toBe(409);
    expect(await closed.json()).toMatchObject({ error: 'petition_closed' });
  });

  it('answers a crowd from one address as anyone: 202 to each, past the ceiling too (held, not refused)', async () => {
    process.env.VIGIL_SIGNATURES_PER_ADDRESS = '1';
    try {
      const { slug, petitionId } = await createTestPetition(db());
      const from = { [CLIENT_ADDRESS_HEADER]: '198.18.1.1' };
      const answers = [await call(slug, signer('r1@example.org'), from), await call(slug, signer('r2@example.org'), from)];
      expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
      expect(await answers[1]!.json()).toEqual(await answers[0]!.json());
      const rows = await db().select({ heldAt: petitionSignatures.heldAt }).from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
      expect(rows.map((row) => row.heldAt !== null).sort()).toEqual([false, true]);
    } finally {
      delete process.env.VIGIL_SIGNATURES_PER_ADDRESS;
    }
  });

  it('makes retries with an Idempotency-Key safe: the same answer, one signature, and 422 for another body', async () => {
    const { slug, petitionId } = await createTestPetition(db());
    const key = { 'idempotency-key': 'partner-7f3a', [CLIENT_ADDRESS_HEADER]: '198.18.2.1' };
    const first = await call(slug, signer('idem@example.org'), key);
    const retry = await call(slug, signer('idem@example.org'), key);
    expect([first.status, retry.status]).toEqual([202, 202]);
    expect(await retry.json()).toEqual({ status: 'pending_confirmation' });
    expect((await call(slug, signer('other@example.org'), key)).status).toBe(422);
    expect(await db().select().from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId))).toHaveLength(1);
  });

  it('serves the count as {"confirmed": n, "goal": g} with short cache headers', async () => {
    const { slug } = await createTestPetition(db(), { goal: 500 });
    const response = await getCount(new Request(`https://vigil.test/api/petitions/${slug}/count`), { params: Promise.resolve({ slug }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ confirmed: 0, goal: 500 });
    expect(response.headers.get('cache-control')).toBe('public, max-age=1, s-maxage=1');
    const missing = await getCount(new Request('https://vigil.test/api/petitions/none/count'), { params: Promise.resolve({ slug: 'none' }) });
    expect(missing.status).toBe(404);
  });
});
