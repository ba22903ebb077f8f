import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, petitionBlocklist, petitionEvents, petitionSignatures } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { valueOf } from '@/lib/operations/testing';
import { endPetitionEvent } from './end-petition-event';
import { forgetSigningPetitions } from './find-signing-petition';
import { forgetPetitionCounts } from './get-petition-count';
import { getPetitionActivity } from './get-petition-activity';
import { invalidateSignatures } from './invalidate-signatures';
import { releaseHeldSignatures } from './release-held-signatures';
import { signPetition } from './sign-petition';
import { startPetitionEvent } from './start-petition-event';
import { createTestPetition, signer } from './test-fixtures';
import { addBlocklistEntry } from './update-blocklist';

const origin = 'https://vigil.test';
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

beforeEach(() => {
  forgetPetitionCounts();
  forgetSigningPetitions();
});

/** With a per-address ceiling of `ceiling` for the duration of `body`. */
async function withCeiling(ceiling: number, body: () => Promise<void>): Promise<void> {
  process.env.VIGIL_SIGNATURES_PER_ADDRESS = String(ceiling);
  try {
    await body();
  } finally {
    delete process.env.VIGIL_SIGNATURES_PER_ADDRESS;
  }
}

describeEachEngine('event mode and the activity panel', ({ db }) => {
  const countedOf = async (petitionId: string) => {
    const [row] = await db()
      .select({ n: count() })
      .from(petitionSignatures)
      .where(and(eq(petitionSignatures.petitionId, petitionId), isNull(petitionSignatures.heldAt)));
    return row!.n;
  };
  const crowd = (slug: string, ip: string, who: string, size: number, from = 0) =>
    Promise.all(Array.from({ length: size }, (_, n) => signPetition(slug, signer(`${who}-${from + n}@example.org`), { ip, origin })));

  it('raises the ceiling of one address to fit the crowd, only for that petition, exactly under a concurrent crowd', async () => {
    await withCeiling(3, async () => {
      const { session: organizer } = await sessionForRole('organizer');
      const rally = await createTestPetition(db());
      const other = await createTestPetition(db());
      // 4 people expected: 4 × 1.5 = 6 signatures from one address count in a window.
      const started = await valueOf(startPetitionEvent(organizer, { petitionId: rally.petitionId, label: 'Rally outside the Chinese embassy, Seoul', endsAt: inAnHour(), expectedCrowd: '4' }));
      expect(started.addressCeiling).toBe(6);
      const answers = [...(await crowd(rally.slug, '203.0.113.90', 'rally', 15)), ...(await crowd(other.slug, '203.0.113.90', 'other', 15))];
      expect(answers.every((answer) => answer.kind === 'accepted')).toBe(true);
      expect(await countedOf(rally.petitionId)).toBe(6);
      expect(await countedOf(other.petitionId)).toBe(3);
      // Both petitions at once, interleaved: still exact.
      const [third, fourth] = [await createTestPetition(db()), await createTestPetition(db())];
      await valueOf(startPetitionEvent(organizer, { petitionId: third.petitionId, label: 'Vigil in Myeong-dong', endsAt: inAnHour(), expectedCrowd: '10' }));
      await Promise.all([crowd(third.slug, '203.0.113.91', 'third', 30), crowd(fourth.slug, '203.0.113.91', 'fourth', 30)]);
      expect(await countedOf(third.petitionId)).toBe(15);
      expect(await countedOf(fourth.petitionId)).toBe(3);
    });
  });

  it('applies the event only inside its window: not before it starts, not once it is ended', async () => {
    await withCeiling(3, async () => {
      const { session: organizer } = await sessionForRole('organizer');
      const { petitionId, slug } = await createTestPetition(db());
      await valueOf(
        startPetitionEvent(organizer, {
          petitionId,
          label: 'Rally tomorrow',
          startsAt: new Date(Date.now() + 3600_000).toISOString(),
          endsAt: new Date(Date.now() + 7200_000).toISOString(),
          expectedCrowd: '10',
        }),
      );
      await crowd(slug, '203.0.113.92', 'early', 5);
      expect(await countedOf(petitionId)).toBe(3);
      // The rally begins: the same window's attempts now count up to 15.
      await db().update(petitionEvents).set({ startsAt: sql`now() - interval '1 minute'` }).where(eq(petitionEvents.petitionId, petitionId));
      await crowd(slug, '203.0.113.92', 'during', 12);
      expect(await countedOf(petitionId)).toBe(3 + (15 - 5));
      // Ended early by an organizer: held again from the next signature on.
      await valueOf(endPetitionEvent(organizer, { petitionId }));
      await crowd(slug, '203.0.113.92', 'after', 2);
      expect(await countedOf(petitionId)).toBe(13);
      // An event whose end has passed raises nothing either.
      await db().insert(petitionEvents).values({ petitionId, label: 'Yesterday', startsAt: sql`now() - interval '2 hours'`, endsAt: sql`now() - interval '1 hour'`, expectedCrowd: 100, addressCeiling: 150 });
      await crowd(slug, '203.0.113.93', 'past', 5);
      expect(await countedOf(petitionId)).toBe(16);
    });
  });

  it('starts and ends an event in the audit log, and writes nothing for input it refuses', async () => {
    const { session: organizer } = await sessionForRole('organizer');
    const { petitionId } = await createTestPetition(db());
    const refused = async (input: Record<string, unknown>, fields: Record<string, string>) =>
      expect(await startPetitionEvent.fromUntrusted(organizer, { petitionId, label: 'Rally in Seoul', endsAt: inAnHour(), expectedCrowd: '300', ...input })).toEqual({ ok: false, fieldErrors: fields });
    await refused({ label: '' }, { label: 'eventLabelRequired' });
    await refused({ endsAt: '' }, { endsAt: 'eventEndRequired' });
    await refused({ endsAt: 'tomorrow' }, { endsAt: 'dateInvalid' });
    await refused({ startsAt: inAnHour(), endsAt: new Date(Date.now() + 1800_000).toISOString() }, { endsAt: 'eventEndsBeforeStart' });
    await refused({ endsAt: new Date(Date.now() + 49 * 3600_000).toISOString() }, { endsAt: 'eventTooLong' });
    await refused({ startsAt: new Date(Date.now() - 7200_000).toISOString(), endsAt: new Date(Date.now() - 3600_000).toISOString() }, { endsAt: 'eventEndsInPast' });
    await refused({ expectedCrowd: '-5' }, { expectedCrowd: 'expectedCrowdInvalid' });
    await refused({ expectedCrowd: '2.5' }, { expectedCrowd: 'expectedCrowdInvalid' });
    await refused({ label: 'Rally\u0000' }, { label: 'textInvalid' });
    expect(await db().select().from(petitionEvents).where(eq(petitionEvents.petitionId, petitionId))).toEqual([]);
    expect(await endPetitionEvent(organizer, { petitionId })).toEqual({ ok: false, fieldErrors: { petitionId: 'noEvent' } });

    const { eventId } = await valueOf(startPetitionEvent(organizer, { petitionId, label: 'Rally in Seoul', endsAt: inAnHour(), expectedCrowd: '300' }));
    await refused({}, { label: 'eventAlreadySet' });
    await valueOf(endPetitionEvent(organizer, { petitionId }));
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, eventId)).orderBy(auditLog.id);
    expect(audits.map((row) => row.action)).toEqual(['petitions.startEvent', 'petitions.endEvent']);
    expect(audits[0]!.after).toMatchObject({ petitionId, label: 'Rally in Seoul', expectedCrowd: 300, addressCeiling: 450 });
    expect(audits[0]!.actorUserId).toBe(organizer.userId);
    // Ended, another can start.
    expect((await startPetitionEvent(organizer, { petitionId, label: 'Second rally', endsAt: inAnHour(), expectedCrowd: '50' })).ok).toBe(true);
  });

  it('shows the last hour by address hash, domain and country with the held count, and its one-click actions act on the row', async () => {
    await withCeiling(3, async () => {
      const { session: organizer } = await sessionForRole('organizer');
      const { petitionId, slug } = await createTestPetition(db());
      for (let n = 0; n < 5; n++) await signPetition(slug, signer(`busy-${n}@flood.example`, { country: 'US' }), { ip: '203.0.113.95', origin });
      await signPetition(slug, signer('calm@example.org'), { ip: '203.0.113.96', origin });
      await signPetition(slug, signer('old@example.org', { country: 'JP' }), { ip: '203.0.113.97', origin });
      // Signed two hours ago: not in the panel's hour.
      await db().update(petitionSignatures).set({ createdAt: sql`now() - interval '2 hours'` }).where(eq(petitionSignatures.email, 'old@example.org'));

      const activity = await valueOf(getPetitionActivity(organizer, { petitionId }));
      expect(activity.addresses.map(({ count, held, blocked }) => ({ count, held, blocked }))).toEqual([
        { count: 5, held: 2, blocked: false },
        { count: 1, held: 0, blocked: false },
      ]);
      expect(activity.addresses[0]!.ipHash).toMatch(/^[0-9a-f]{32}$/);
      expect(JSON.stringify(activity)).not.toContain('203.0.113.');
      expect(activity.domains).toEqual([
        { domain: 'flood.example', count: 5, held: 2, blocked: false },
        { domain: 'example.org', count: 1, held: 0, blocked: false },
      ]);
      expect(activity.countries).toEqual([
        { country: 'US', count: 5 },
        { country: 'KR', count: 1 },
      ]);
      expect(activity.held).toBe(2);
      expect(activity.event).toBeNull();
      expect(activity.usualCeiling).toBe(3);

      const busy = activity.addresses[0]!.ipHash;
      // Release: the two held signatures of that address count.
      expect(await releaseHeldSignatures(organizer, { petitionId, ipHash: busy })).toMatchObject({ ok: true, value: { released: 2 } });
      expect((await valueOf(getPetitionActivity(organizer, { petitionId }))).held).toBe(0);
      // Block the address hash: the next signature from it is answered like any other and not recorded.
      expect((await addBlocklistEntry(organizer, { kind: 'ip_hash', value: busy, note: 'activity panel' })).ok).toBe(true);
      expect(await signPetition(slug, signer('busy-blocked@elsewhere.example'), { ip: '203.0.113.95', origin })).toEqual({ kind: 'accepted' });
      expect(await db().select().from(petitionSignatures).where(eq(petitionSignatures.email, 'busy-blocked@elsewhere.example'))).toEqual([]);
      const [blockAudit] = await db().select().from(auditLog).where(eq(auditLog.action, 'blocklists.add')).orderBy(sql`${auditLog.id} desc`).limit(1);
      expect(blockAudit!.after).toMatchObject({ kind: 'ip_hash', value: busy });
      expect(await addBlocklistEntry(organizer, { kind: 'ip_hash', value: 'not-a-hash', note: '' })).toEqual({ ok: false, fieldErrors: { value: 'valueInvalid' } });
      // Block the domain, and invalidate the domain's last hour.
      expect((await addBlocklistEntry(organizer, { kind: 'email_domain', value: 'flood.example', note: '' })).ok).toBe(true);
      const after = await valueOf(getPetitionActivity(organizer, { petitionId }));
      expect(after.addresses[0]).toMatchObject({ ipHash: busy, blocked: true });
      expect(after.domains[0]).toMatchObject({ domain: 'flood.example', blocked: true });
      expect(await invalidateSignatures(organizer, { petitionId, domain: 'flood.example', from: after.since, reason: 'Unusual activity in the last hour' })).toMatchObject({
        ok: true,
        value: { count: 5 },
      });
      const [flood] = await db().select({ n: count() }).from(petitionSignatures).where(and(eq(petitionSignatures.emailDomain, 'flood.example'), isNull(petitionSignatures.invalidationId)));
      expect(flood!.n).toBe(0);
      expect(await db().select({ n: count() }).from(petitionBlocklist).where(eq(petitionBlocklist.ipHash, busy))).toEqual([{ n: 1 }]);
    });
  });

  it('refuses an advocate the panel and the event, and finds no petition that does not exist', async () => {
    const { session: advocate } = await sessionForRole('advocate');
    const { session: organizer } = await sessionForRole('organizer');
    const { petitionId } = await createTestPetition(db());
    await expect(getPetitionActivity(advocate, { petitionId })).rejects.toThrow(/Not allowed/);
    await expect(startPetitionEvent(advocate, { petitionId, label: 'Rally', endsAt: inAnHour(), expectedCrowd: '5' })).rejects.toThrow(/Not allowed/);
    expect(await getPetitionActivity(organizer, { petitionId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, missing: true });
    expect(await startPetitionEvent(organizer, { petitionId: '00000000-0000-4000-8000-000000000000', label: 'Rally', endsAt: inAnHour(), expectedCrowd: '5' })).toEqual({
      ok: false,
      fieldErrors: { petitionId: 'petitionUnknown' },
    });
  });
});
