/**
 * Signers who opted in hear when a case's public timeline changes: a newly published event, a
 * correction, a retraction. Internal events and signers who did not opt in hear nothing.
 */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { mailOutbox } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { pendingReviewOf } from './test-fixtures';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { mailCaseNews } from '@/lib/petitions/mail-case-news';
import { signPetition } from '@/lib/petitions/sign-petition';
import { confirmationTokenFor, createTestPetition, signer, testAddress } from '@/lib/petitions/test-fixtures';
import { approvePublication } from './approve-publication';
import { correctEvent } from './correct-event';
import { createEvent } from './create-event';
import { retractEvent } from './retract-event';

const origin = 'https://vigil.test';

describeEachEngine('case news for signers who asked for it', ({ db }) => {
  it('mails opted-in signers once per public change, and nobody for internal events', async () => {
    process.env.NEXTAUTH_URL ??= origin;
    const { caseId, slug } = await createTestPetition(db(), {}, { familyConsentStatus: 'granted' });
    for (const [i, [email, extra]] of ([
      ['news@example.org', { wantsUpdates: true }],
      ['quiet@example.org', {}],
    ] as const).entries()) {
      expect(await signPetition(slug, signer(email, extra), { ip: testAddress(300 + i), origin })).toEqual({ kind: 'accepted' });
      await confirmSignature((await confirmationTokenFor(db(), email))!);
    }
    // The background job mails the news; each count runs it first, so a change is mailed once at most.
    const mailsTo = async (email: string) => {
      await mailCaseNews(db(), { origin });
      return (await db().select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.toAddress, email))).length;
    };
    const afterSigning = { news: await mailsTo('news@example.org'), quiet: await mailsTo('quiet@example.org') };

    const { session: advocate } = await sessionForRole('advocate');
    const { session: admin } = await sessionForRole('admin');
    const event = {
      caseId,
      occurredOn: '2026-11-01',
      occurredPrecision: 'day' as const,
      eventType: 'transfer' as const,
      description: '',
      personIds: [] as string[],
      sourceIds: [] as string[],
    };

    expect(await createEvent(advocate, { ...event, title: 'Seen by a guard', visibility: 'internal' as const })).toMatchObject({ ok: true });
    expect(await mailsTo('news@example.org')).toBe(afterSigning.news);

    const created = await createEvent(advocate, { ...event, title: 'Moved to a prison', visibility: 'public' as const });
    expect(created).toMatchObject({ ok: true, value: { publication: 'pending' } });
    // Nothing is public, so nothing is mailed, until a second staff member approves.
    expect(await mailsTo('news@example.org')).toBe(afterSigning.news);
    const eventId = (created as { value: { eventId: string } }).value.eventId;
    expect(await approvePublication(admin, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    expect(await mailsTo('news@example.org')).toBe(afterSigning.news + 1);

    // A correction or retraction is news once it is public, after its own review: not before.
    expect(
      await correctEvent(advocate, { ...event, eventId, title: 'Moved to a prison in Hamhung', visibility: 'public' as const, publicReason: 'The place was reported wrongly.' }),
    ).toMatchObject({ ok: true, value: { publication: 'pending' } });
    expect(await mailsTo('news@example.org')).toBe(afterSigning.news + 1);
    expect(await approvePublication(admin, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    expect(await mailsTo('news@example.org')).toBe(afterSigning.news + 2);

    expect(await retractEvent(advocate, { caseId, eventId, publicReason: 'The source withdrew the report.' })).toMatchObject({ ok: true, value: { publication: 'pending' } });
    expect(await mailsTo('news@example.org')).toBe(afterSigning.news + 2);
    expect(await approvePublication(admin, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    expect(await mailsTo('news@example.org')).toBe(afterSigning.news + 3);
    const texts = await db().select({ text: mailOutbox.textBody }).from(mailOutbox).where(eq(mailOutbox.toAddress, 'news@example.org'));
    expect(texts.some((mail) => mail.text.includes('Moved to a prison in Hamhung'))).toBe(true);

    expect(await mailsTo('quiet@example.org')).toBe(afterSigning.quiet);
  });
});
