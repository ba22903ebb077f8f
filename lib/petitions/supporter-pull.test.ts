/**
 * What pulls a visitor in without exposing anyone: milestones an organizer writes (checked at the
 * field, stored as a list, shown with the count), the open petitions on the home page (most urgent
 * case first), and signers by country where a country with few signers is never named.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { petitions } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { confirmSignature } from './confirm-signature';
import { forgetSigningPetitions } from './find-signing-petition';
import { getPublicPetition } from './get-public-petition';
import { listOpenPetitions } from './list-open-petitions';
import { formatMilestones, parseMilestones } from './milestones';
import { milestoneProgress, publicCountryCounts } from './public';
import { updatePetitionSchema } from './schemas';
import { signPetition } from './sign-petition';
import { confirmationTokenFor, createTestPetition, signer, testAddress } from './test-fixtures';
import { updatePetition } from './update-petition';

describe('milestones as organizers write them', () => {
  it('reads one a line in rising order, with thousands separators, and writes them back the same way', () => {
    const parsed = parseMilestones('10,000 – We deliver every signature\n\n1000: We hand it to the embassy in Seoul\n 5 000 = The UN rapporteur ');
    expect(parsed).toEqual({
      ok: true,
      milestones: [
        { signatures: 1000, note: 'We hand it to the embassy in Seoul' },
        { signatures: 5000, note: 'The UN rapporteur' },
        { signatures: 10000, note: 'We deliver every signature' },
      ],
    });
    expect(parseMilestones(formatMilestones(parsed.ok ? parsed.milestones : []))).toEqual(parsed);
    expect(parseMilestones('')).toEqual({ ok: true, milestones: [] });
  });

  it('names the first thing wrong', () => {
    expect(parseMilestones('a thousand: deliver')).toEqual({ ok: false, error: 'milestoneLineInvalid' });
    expect(parseMilestones('1000')).toEqual({ ok: false, error: 'milestoneLineInvalid' });
    expect(parseMilestones('0: nothing')).toEqual({ ok: false, error: 'milestoneLineInvalid' });
    expect(parseMilestones('1000: a\n1,000: b')).toEqual({ ok: false, error: 'milestoneRepeated' });
    expect(parseMilestones(Array.from({ length: 11 }, (_, i) => `${i + 1}: x`).join('\n'))).toEqual({ ok: false, error: 'milestonesTooMany' });
    expect(parseMilestones(`1: ${'x'.repeat(301)}`)).toEqual({ ok: false, error: 'milestoneNoteTooLong' });
  });

  it('puts the error at the milestones field of the console form', () => {
    const result = updatePetitionSchema.safeParse({ petitionId: crypto.randomUUID(), slug: 's', title: 'T', target: 'X', goal: '10', status: 'open', milestones: 'soon: deliver' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['milestones', 'milestoneLineInvalid']]);
  });

  it('tells which milestones a count has reached and which comes next', () => {
    const milestones = [
      { signatures: 10, note: 'a' },
      { signatures: 100, note: 'b' },
    ];
    expect(milestoneProgress(0, milestones)).toEqual({ reached: [], next: milestones[0] });
    expect(milestoneProgress(10, milestones)).toEqual({ reached: [milestones[0]], next: milestones[1] });
    expect(milestoneProgress(500, milestones)).toEqual({ reached: milestones, next: null });
  });
});

describe('signers by country in public', () => {
  it('names a country only from five signers on; the rest are one "other" figure', () => {
    expect(
      publicCountryCounts([
        { country: 'KR', count: 40 },
        { country: 'GB', count: 5 },
        { country: 'IS', count: 4 },
        { country: 'NO', count: 1 },
      ]),
    ).toEqual({
      signersByCountry: [
        { country: 'KR', count: 40 },
        { country: 'GB', count: 5 },
      ],
      otherCountries: 5,
    });
  });
});

describeEachEngine('what pulls a visitor in', ({ db }) => {
  it('an organizer sets milestones: they are stored as a list and reach the public petition', async () => {
    const { session } = await sessionForRole('organizer');
    const { petitionId, slug } = await createTestPetition(db());
    const fields = { petitionId, slug, title: 'Free them', target: 'President Xi Jinping', goal: '1000', status: 'open' as const };
    expect(await updatePetition(session, { ...fields, milestones: 'a hundred: x' })).toEqual({ ok: false, fieldErrors: { milestones: 'milestoneLineInvalid' } });
    expect(await updatePetition(session, { ...fields, milestones: '500: We go to the embassy\n100: We write to the ambassador' })).toMatchObject({ ok: true });
    const [stored] = await db().select({ milestones: petitions.milestones }).from(petitions).where(eq(petitions.id, petitionId));
    expect(stored?.milestones).toEqual([
      { signatures: 100, note: 'We write to the ambassador' },
      { signatures: 500, note: 'We go to the embassy' },
    ]);
    expect((await getPublicPetition(slug))?.milestones).toEqual(stored?.milestones);
  });

  it('lists the open petitions most urgent case first, then most signed; closed, draft and non-public ones never', async () => {
    const low = await createTestPetition(db(), {}, { urgency: 'low' });
    const critical = await createTestPetition(db(), {}, { urgency: 'critical' });
    const closed = await createTestPetition(db(), { status: 'closed' }, { urgency: 'critical' });
    const draft = await createTestPetition(db(), { status: 'draft' }, { urgency: 'critical' });
    const hidden = await createTestPetition(db(), {}, { urgency: 'critical', publicityMode: 'quiet_advocacy' });
    const listed = (await listOpenPetitions(100)).map((petition) => petition.slug);
    expect(listed.indexOf(critical.slug)).toBeGreaterThanOrEqual(0);
    expect(listed.indexOf(critical.slug)).toBeLessThan(listed.indexOf(low.slug));
    for (const absent of [closed, draft, hidden]) expect(listed).not.toContain(absent.slug);
  });

  it('counts signers by country from counted signatures only, naming a country from five on', async () => {
    const { slug } = await createTestPetition(db());
    forgetSigningPetitions();
    const origin = 'https://vigil.test';
    const sign = async (email: string, country: string, confirm = true) => {
      expect(await signPetition(slug, signer(email, { country }), { ip: testAddress(Math.floor(Math.random() * 60_000)), origin })).toEqual({ kind: 'accepted' });
      if (confirm) await confirmSignature((await confirmationTokenFor(db(), email))!);
    };
    for (let i = 0; i < 5; i++) await sign(`kr${i}@example.org`, 'KR');
    for (let i = 0; i < 2; i++) await sign(`is${i}@example.org`, 'IS');
    // Unconfirmed signatures are not counted anywhere, so they are not shown by country either.
    for (let i = 0; i < 5; i++) await sign(`gb${i}@example.org`, 'GB', false);
    const petition = await getPublicPetition(slug);
    expect(petition?.signersByCountry).toEqual([{ country: 'KR', count: 5 }]);
    expect(petition?.otherCountries).toBe(2);
  });
});
