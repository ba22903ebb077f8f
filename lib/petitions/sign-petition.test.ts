import { and, count, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { petitionAddressWindows, petitionBlocklist, petitionSettings, petitionSignatures, petitions } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { confirmSignature } from './confirm-signature';
import { forgetSigningPetitions, signingRefusal } from './find-signing-petition';
import { forgetPetitionCounts, getPetitionCount } from './get-petition-count';
import { getConfirmation } from './get-confirmation';
import { petitionAcceptsSignatures } from './public-queries';
import { normaliseEmail, signPetition } from './sign-petition';
import { confirmationTokenFor, createTestPetition, mailsTo, signer, testAddress } from './test-fixtures';

const origin = 'https://vigil.test';
let ipCounter = 0;
const fresh = () => ({ ip: testAddress(++ipCounter), origin });

beforeEach(() => {
  forgetPetitionCounts();
  forgetSigningPetitions();
});

describeEachEngine('signing a petition', ({ db }) => {
  it('records one signature per person: Gmail dots, +tags and case are the same person, and the answer never tells', async () => {
    const { petitionId, slug } = await createTestPetition(db());
    const first = await signPetition(slug, signer('Min.Ji.Kim@gmail.com'), fresh());
    const again = await signPetition(slug, signer('minjikim+vigil@googlemail.com', { name: 'Someone else', country: 'US' }), fresh());
    const other = await signPetition(slug, signer('minjikim@example.org'), fresh());
    expect(first).toEqual({ kind: 'accepted' });
    expect(again).toEqual(first);
    expect(other).toEqual(first);
    const rows = await db().select().from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
    expect(rows).toHaveLength(2);
    const gmail = rows.find((row) => row.emailNormalised === 'minjikim@gmail.com')!;
    // The choices of the first signature stay: whoever typed the address again may not own it.
    expect(gmail).toMatchObject({ name: 'Min-ji Kim', country: 'KR', display: 'anonymous', wantsUpdates: false });
    expect(gmail.ipHash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(rows)).not.toContain('198.51.');
  });

  it('re-sends the confirmation to a repeated signer, at most once per interval, with a fresh link', async () => {
    const { slug } = await createTestPetition(db());
    await signPetition(slug, signer('resend@example.org'), fresh());
    const firstToken = await confirmationTokenFor(db(), 'resend@example.org');
    await signPetition(slug, signer('resend@example.org'), fresh());
    expect(await mailsTo(db(), 'resend@example.org')).toHaveLength(1);
    // Pretend the last mail went out long ago.
    await db().execute(sql`update petition_signatures set confirmation_sent_at = now() - interval '1 hour' where email = 'resend@example.org'`);
    await signPetition(slug, signer('resend@example.org'), fresh());
    expect(await mailsTo(db(), 'resend@example.org')).toHaveLength(2);
    const secondToken = await confirmationTokenFor(db(), 'resend@example.org');
    expect(secondToken).not.toBe(firstToken);
    expect((await getConfirmation(firstToken!)).state).toBe('invalid');
    expect((await getConfirmation(secondToken!)).state).toBe('pending');
  });

  it('answers a repeated signature after confirmation the same, with an "already signed" mail and no second count', async () => {
    const { slug } = await createTestPetition(db());
    await signPetition(slug, signer('twice@example.org'), fresh());
    await confirmSignature((await confirmationTokenFor(db(), 'twice@example.org'))!);
    await db().execute(sql`update petition_signatures set confirmation_sent_at = now() - interval '1 hour' where email = 'twice@example.org'`);
    expect(await signPetition(slug, signer('TWICE@example.org'), fresh())).toEqual({ kind: 'accepted' });
    const mails = await mailsTo(db(), 'twice@example.org');
    expect(mails.map((mail) => mail.subject)).toEqual(['Please confirm your signature: ' + mails[0]!.subject.split(': ')[1], expect.stringMatching(/^You have already signed/)]);
    forgetPetitionCounts();
    expect((await getPetitionCount(slug))?.confirmed).toBe(1);
  });

  it('refuses bad input at its field and writes nothing', async () => {
    const { petitionId, slug } = await createTestPetition(db());
    expect(await signPetition(slug, signer('not-an-address'), fresh())).toEqual({ kind: 'invalid', field: 'email', error: 'emailInvalid' });
    expect(await signPetition(slug, signer('a@example.org', { name: '  ' }), fresh())).toEqual({ kind: 'invalid', field: 'name', error: 'nameRequired' });
    expect(await signPetition(slug, signer('a@example.org', { country: 'XX' }), fresh())).toEqual({ kind: 'invalid', field: 'country', error: 'countryRequired' });
    expect(await signPetition(slug, 'not an object', fresh())).toMatchObject({ kind: 'invalid' });
    const [rows] = await db().select({ n: count() }).from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
    expect(rows!.n).toBe(0);
  });

  it('accepts every signature from a busy address and holds those past its ceiling: confirmed, they count only once released', async () => {
    process.env.VIGIL_SIGNATURES_PER_ADDRESS = '3';
    try {
      const { petitionId, slug } = await createTestPetition(db());
      const { petitionId: otherId, slug: otherSlug } = await createTestPetition(db());
      const ip = '203.0.113.50';
      for (let n = 1; n <= 5; n++) expect(await signPetition(slug, signer(`l${n}@example.org`), { ip, origin })).toEqual({ kind: 'accepted' });
      // Another petition from the same address has a ceiling of its own.
      expect(await signPetition(otherSlug, signer('elsewhere@example.org'), { ip, origin })).toEqual({ kind: 'accepted' });
      const held = await db()
        .select({ email: petitionSignatures.email })
        .from(petitionSignatures)
        .where(and(eq(petitionSignatures.petitionId, petitionId), sql`${petitionSignatures.heldAt} is not null`));
      expect(held.map((row) => row.email).sort()).toEqual(['l4@example.org', 'l5@example.org']);
      // Every signer got the same mail and may confirm; only those within the ceiling count.
      for (let n = 1; n <= 5; n++) await confirmSignature((await confirmationTokenFor(db(), `l${n}@example.org`))!);
      forgetPetitionCounts();
      expect((await getPetitionCount(slug))?.confirmed).toBe(3);
      expect(await db().select().from(petitionSignatures).where(and(eq(petitionSignatures.petitionId, otherId), sql`${petitionSignatures.heldAt} is not null`))).toEqual([]);

      // A window older than its length starts again: the next signature counts.
      await db().execute(sql`update petition_address_windows set window_started_at = now() - interval '11 minutes' where petition_id = ${petitionId}`);
      expect(await signPetition(slug, signer('l6@example.org'), { ip, origin })).toEqual({ kind: 'accepted' });
      const [l6] = await db().select({ heldAt: petitionSignatures.heldAt }).from(petitionSignatures).where(eq(petitionSignatures.email, 'l6@example.org'));
      expect(l6!.heldAt).toBeNull();
      const [window] = await db().select({ attempts: petitionAddressWindows.attempts }).from(petitionAddressWindows).where(eq(petitionAddressWindows.petitionId, petitionId));
      expect(window!.attempts).toBe(1);
    } finally {
      delete process.env.VIGIL_SIGNATURES_PER_ADDRESS;
    }
  });

  it('lets a crowd at one address sign at once: all accepted in shared statements, exactly the ceiling counted', async () => {
    process.env.VIGIL_SIGNATURES_PER_ADDRESS = '4';
    try {
      const { petitionId, slug } = await createTestPetition(db());
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => signPetition(slug, signer(`burst-${i}@example.org`), { ip: '203.0.113.77', origin })),
      );
      expect(answers.every((answer) => answer.kind === 'accepted')).toBe(true);
      const rows = await db().select({ heldAt: petitionSignatures.heldAt }).from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
      expect(rows).toHaveLength(12);
      expect(rows.filter((row) => row.heldAt === null)).toHaveLength(4);
    } finally {
      delete process.env.VIGIL_SIGNATURES_PER_ADDRESS;
    }
  });

  it('answers blocklisted domains (and subdomains) and address ranges like anyone else, and records nothing', async () => {
    const { petitionId, slug } = await createTestPetition(db());
    await db().insert(petitionBlocklist).values([
      { kind: 'email_domain', domain: 'spam.example' },
      { kind: 'ip_range', ipRange: '192.0.2.0/24' },
    ]);
    expect(await signPetition(slug, signer('bot@spam.example'), fresh())).toEqual({ kind: 'accepted' });
    expect(await signPetition(slug, signer('bot@mx.spam.example'), fresh())).toEqual({ kind: 'accepted' });
    expect(await signPetition(slug, signer('ok@example.org'), { ip: '192.0.2.77', origin })).toEqual({ kind: 'accepted' });
    expect(await signPetition(slug, signer('ok@notspam.example'), fresh())).toEqual({ kind: 'accepted' });
    const rows = await db().select({ email: petitionSignatures.email }).from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
    expect(rows.map((row) => row.email)).toEqual(['ok@notspam.example']);
    expect(await mailsTo(db(), 'bot@spam.example')).toEqual([]);
  });

  it('honours the pause switches, closing and drafts', async () => {
    const { petitionId, slug } = await createTestPetition(db());
    const change = async (work: () => Promise<unknown>) => {
      await work();
      forgetSigningPetitions();
    };
    await change(() => db().update(petitions).set({ status: 'paused' }).where(eq(petitions.id, petitionId)));
    expect(await signPetition(slug, signer('p@example.org'), fresh())).toEqual({ kind: 'not_accepting', reason: 'paused' });
    await change(() => db().update(petitions).set({ status: 'open' }).where(eq(petitions.id, petitionId)));
    await change(() => db().insert(petitionSettings).values({ id: 1, signingPaused: true }));
    expect(await signPetition(slug, signer('p@example.org'), fresh())).toEqual({ kind: 'not_accepting', reason: 'site_paused' });
    await change(() => db().update(petitionSettings).set({ signingPaused: false }));
    expect(await signPetition(slug, signer('p@example.org'), fresh())).toEqual({ kind: 'accepted' });
    await change(() => db().update(petitions).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(petitions.id, petitionId)));
    expect(await signPetition(slug, signer('q@example.org'), fresh())).toEqual({ kind: 'not_accepting', reason: 'closed' });
    await change(() => db().update(petitions).set({ status: 'draft', closesAt: null }).where(eq(petitions.id, petitionId)));
    expect(await signPetition(slug, signer('q@example.org'), fresh())).toEqual({ kind: 'not_found' });
    const hidden = await createTestPetition(db(), {}, { publicityMode: 'quiet_advocacy' });
    expect(await signPetition(hidden.slug, signer('q@example.org'), fresh())).toEqual({ kind: 'not_found' });
    expect(await signPetition('no-such-petition', signer('q@example.org'), fresh())).toEqual({ kind: 'not_found' });
    const [rows] = await db().select({ n: count() }).from(petitionSignatures).where(eq(petitionSignatures.emailNormalised, 'q@example.org'));
    expect(rows!.n).toBe(0);
  });

  it('refuses at once a close made through another instance, though this one still remembers the petition as open', async () => {
    const { petitionId, slug } = await createTestPetition(db());
    expect(await signPetition(slug, signer('before@example.org'), fresh())).toEqual({ kind: 'accepted' });
    // Another instance closes it: this instance's remembered look-up still says "open".
    await db().update(petitions).set({ status: 'closed' }).where(eq(petitions.id, petitionId));
    expect(await signPetition(slug, signer('after@example.org'), fresh())).toEqual({ kind: 'not_accepting', reason: 'closed' });
    const rows = await db().select({ email: petitionSignatures.email }).from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
    expect(rows.map((row) => row.email)).toEqual(['before@example.org']);
    expect(await mailsTo(db(), 'after@example.org')).toEqual([]);
  });

  it('judges in the database exactly as signingRefusal does: open, dates, pause switches', async () => {
    const { petitionId } = await createTestPetition(db());
    const hour = 3_600_000;
    const dates = [null, new Date(Date.now() - hour), new Date(Date.now() + hour)];
    let checked = 0;
    for (const sitePaused of [false, true]) {
      await db().insert(petitionSettings).values({ id: 1, signingPaused: sitePaused }).onConflictDoUpdate({ target: petitionSettings.id, set: { signingPaused: sitePaused } });
      for (const status of ['draft', 'open', 'paused', 'closed', 'delivered'] as const) {
        for (const opensAt of dates) {
          for (const closesAt of dates) {
            await db().update(petitions).set({ status, opensAt, closesAt }).where(eq(petitions.id, petitionId));
            const [row] = await db().select({ accepting: petitionAcceptsSignatures }).from(petitions).where(eq(petitions.id, petitionId));
            expect({ status, opensAt, closesAt, sitePaused, accepting: row!.accepting }).toEqual({
              status,
              opensAt,
              closesAt,
              sitePaused,
              accepting: signingRefusal({ status, opensAt, closesAt }, sitePaused) === null,
            });
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(90);
    await db().update(petitionSettings).set({ signingPaused: false });
  });

  it('writes signatures arriving together in shared statements, each judged as if alone', async () => {
    const { petitionId, slug } = await createTestPetition(db());
    await db().insert(petitionBlocklist).values({ kind: 'email_domain', domain: 'batch-spam.example' });
    await signPetition(slug, signer('known@example.org'), fresh());
    const crowd = Array.from({ length: 40 }, (_, i) => `crowd-${i}@example.org`);
    const answers = await Promise.all([
      ...crowd.map((email) => signPetition(slug, signer(email), fresh())),
      signPetition(slug, signer('bot@batch-spam.example'), fresh()),
      signPetition(slug, signer('Known@Example.org'), fresh()),
      // Two from one address at once: both pass (the ceiling is far above two).
      signPetition(slug, signer('same-ip-1@example.org'), { ip: '203.0.113.201', origin }),
      signPetition(slug, signer('same-ip-2@example.org'), { ip: '203.0.113.201', origin }),
      signPetition(slug, signer('not-an-address'), fresh()),
    ]);
    expect(answers.slice(0, 44).every((answer) => answer.kind === 'accepted')).toBe(true);
    expect(answers[44]).toMatchObject({ kind: 'invalid', field: 'email' });
    const rows = await db()
      .select({ email: petitionSignatures.email, createdAt: sql<string>`${petitionSignatures.createdAt}::text` })
      .from(petitionSignatures)
      .where(eq(petitionSignatures.petitionId, petitionId));
    expect(rows.map((row) => row.email).sort()).toEqual(
      ['known@example.org', ...crowd, 'same-ip-1@example.org', 'same-ip-2@example.org'].sort(),
    );
    // One statement, one transaction, one now() (to the microsecond): fewer distinct creation times than
    // signatures shows the crowd was batched.
    const crowdTimes = new Set(rows.filter((row) => row.email!.startsWith('crowd-')).map((row) => row.createdAt));
    expect(crowdTimes.size).toBeLessThan(crowd.length);
    for (const email of crowd) expect(await mailsTo(db(), email)).toHaveLength(1);
    expect(await mailsTo(db(), 'bot@batch-spam.example')).toEqual([]);
  });

  it('makes Idempotency-Key retries safe: the same answer, one signature, one mail', async () => {
    const { petitionId, slug } = await createTestPetition(db());
    const context = { ip: '203.0.113.90', origin, idempotencyKey: 'partner-req-1' };
    const body = signer('idem@example.org');
    const answers = await Promise.all([signPetition(slug, body, context), signPetition(slug, body, context), signPetition(slug, body, context)]);
    expect(answers).toEqual([{ kind: 'accepted' }, { kind: 'accepted' }, { kind: 'accepted' }]);
    expect(await mailsTo(db(), 'idem@example.org')).toHaveLength(1);
    expect(await signPetition(slug, signer('other@example.org'), context)).toEqual({ kind: 'idempotency_key_reused' });
    const rows = await db().select().from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
    expect(rows).toHaveLength(1);
  });
});

describeEachEngine('confirming a signature', ({ db }) => {
  it('changes nothing on GET, confirms on POST, is harmless twice, and refuses expired or unknown tokens', async () => {
    const { slug } = await createTestPetition(db());
    await signPetition(slug, signer('confirm@example.org'), fresh());
    const token = (await confirmationTokenFor(db(), 'confirm@example.org'))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await db().select().from(petitionSignatures).where(eq(petitionSignatures.email, 'confirm@example.org'));
    expect(stored!.confirmationTokenHash).not.toContain(token);
    expect(stored!.confirmationExpiresAt!.getTime() - stored!.createdAt.getTime()).toBeGreaterThan(6.9 * 86_400_000);

    for (let i = 0; i < 3; i++) expect(await getConfirmation(token)).toMatchObject({ state: 'pending', petition: { slug } });
    expect((await getPetitionCount(slug))?.confirmed).toBe(0);
    const [unchanged] = await db().select().from(petitionSignatures).where(eq(petitionSignatures.email, 'confirm@example.org'));
    expect(unchanged).toEqual(stored);

    expect(await confirmSignature(token)).toMatchObject({ state: 'confirmed', petition: { slug } });
    expect(await confirmSignature(token)).toMatchObject({ state: 'confirmed' });
    forgetPetitionCounts();
    expect(await getPetitionCount(slug)).toEqual({ confirmed: 1, goal: 1000 });

    await signPetition(slug, signer('late@example.org'), fresh());
    const late = (await confirmationTokenFor(db(), 'late@example.org'))!;
    await db().execute(sql`update petition_signatures set confirmation_expires_at = now() - interval '1 second' where email = 'late@example.org'`);
    expect(await getConfirmation(late)).toMatchObject({ state: 'expired' });
    expect(await confirmSignature(late)).toMatchObject({ state: 'expired' });
    expect(await confirmSignature('x'.repeat(43))).toEqual({ state: 'invalid', petition: null });
    expect(await confirmSignature('../../etc')).toEqual({ state: 'invalid', petition: null });
    forgetPetitionCounts();
    expect((await getPetitionCount(slug))?.confirmed).toBe(1);
  });
});

describe('normaliseEmail', () => {
  it('ignores case and surrounding space everywhere', () => {
    expect(normaliseEmail('  Min.Ji@Example.ORG ').normalised).toBe('min.ji@example.org');
  });

  it('folds Gmail dots, +tags and googlemail.com into one mailbox', () => {
    const variants = ['minji.kim@gmail.com', 'MinjiKim@gmail.com', 'm.i.n.j.i.k.i.m+petition@gmail.com', 'minjikim+x+y@googlemail.com'];
    expect(new Set(variants.map((email) => normaliseEmail(email).normalised))).toEqual(new Set(['minjikim@gmail.com']));
  });

  it('drops +tags but keeps dots at other big providers, and leaves unknown domains alone', () => {
    expect(normaliseEmail('min.ji+news@outlook.com').normalised).toBe('min.ji@outlook.com');
    expect(normaliseEmail('min.ji+news@naver.com').normalised).toBe('min.ji@naver.com');
    expect(normaliseEmail('min.ji+news@example.org').normalised).toBe('min.ji+news@example.org');
    expect(normaliseEmail('a.b@example.org').normalised).not.toBe(normaliseEmail('ab@example.org').normalised);
  });

  it('reports the domain as typed (lower case), for the blocklist and the figures', () => {
    expect(normaliseEmail('x@Mail.Example.org').domain).toBe('mail.example.org');
    expect(normaliseEmail('x@googlemail.com').domain).toBe('googlemail.com');
  });
});
