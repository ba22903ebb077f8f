/**
 * The organizer's story on both engines: create and open a petition, watch the figures, set aside a
 * flood and bring it back, export what signers chose to show, close, deliver (a public event and a
 * mail to those who asked for news), while signers withdraw and are finally anonymised.
 */
import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog, cases, mailOutbox, petitions, petitionSignatures, timelineEvents } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { pendingReviewOf } from '@/lib/cases/test-fixtures';
import { getPublicCase } from '@/lib/cases/get-public-case';
import { approvePublication } from '@/lib/cases/approve-publication';
import { anonymiseClosedPetitions } from './anonymise-closed-petitions';
import { closePetition } from './close-petition';
import { confirmSignature } from './confirm-signature';
import { createPetition } from './create-petition';
import { exportSignatures } from './export-signatures';
import { forgetSigningPetitions } from './find-signing-petition';
import { forgetPetitionCounts, getPetitionCount } from './get-petition-count';
import { getPetitionFigures } from './get-petition-figures';
import { invalidateSignatures } from './invalidate-signatures';
import { listPetitions } from './list-petitions';
import { mailCaseNews } from './mail-case-news';
import { markPetitionDelivered } from './mark-petition-delivered';
import { recountPetition } from './recount-signatures';
import { restoreSignatures } from './restore-signatures';
import { setSiteSigningPause } from './set-site-signing-pause';
import { signPetition } from './sign-petition';
import { confirmationTokenFor, createTestPetition, signer, testAddress } from './test-fixtures';
import { addBlocklistEntry, removeBlocklistEntry } from './update-blocklist';
import { updatePetition } from './update-petition';
import { getWithdrawal, withdrawSignature } from './withdraw-signature';
import { withdrawalToken } from './petition-mail';
import { valueOf } from '@/lib/operations/testing';

const origin = 'https://vigil.test';
// Case news mails carry links to the site's public address.
process.env.NEXTAUTH_URL ??= origin;

describeEachEngine('the organizer console', ({ db }) => {
  it('runs a petition from draft to delivery, keeping the count exact and every change audited', async () => {
    const { session } = await sessionForRole('organizer');
    const { caseId } = await createTestPetition(db(), {}, { familyConsentStatus: 'granted' });
    const [{ caseSlug }] = (await db().select({ caseSlug: cases.slug }).from(cases).where(eq(cases.id, caseId))) as [{ caseSlug: string }];
    const created = await createPetition(session, { caseId, slug: 'free-the-family', title: 'Free the family', target: 'President Xi Jinping', goal: '10' });
    expect(created.ok).toBe(true);
    const petitionId = (created as { value: { petitionId: string } }).value.petitionId;
    expect(await createPetition(session, { caseId, slug: 'free-the-family', title: 'Again', target: 'X', goal: '10' })).toEqual({ ok: false, fieldErrors: { slug: 'slugTaken' } });
    expect(await createPetition(session, { caseId, slug: 'dates', title: 'T', target: 'X', goal: '10', opensAt: '2026-02-01T00:00', closesAt: '2026-01-01T00:00' })).toEqual({
      ok: false,
      fieldErrors: { closesAt: 'closesBeforeOpens' },
    });
    // A draft takes no signatures.
    expect(await signPetition('free-the-family', signer('early@example.org'), { ip: testAddress(1), origin })).toEqual({ kind: 'not_found' });
    expect(await updatePetition(session, { petitionId, slug: 'free-the-family', title: 'Free the family', target: 'President Xi Jinping', goal: '10', status: 'open' })).toMatchObject({
      ok: true,
      value: { publication: 'pending' },
    });
    // Open, but its text goes public only once a second staff member approves it.
    expect(await signPetition('free-the-family', signer('early@example.org'), { ip: testAddress(1), origin })).toEqual({ kind: 'not_found' });
    const reviewer = (await sessionForRole('advocate', { internalAccess: true })).session;
    expect(await approvePublication(reviewer, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    forgetSigningPetitions();

    const emails = ['a@flood.example', 'b@mx.flood.example', 'minji@example.org', 'tom@example.org'];
    for (const [i, email] of emails.entries()) {
      const extra = email.startsWith('minji') ? { display: 'first_name_country', wantsUpdates: true, name: '김민지' } : {};
      expect(await signPetition('free-the-family', signer(email, extra), { ip: testAddress(100 + i), origin })).toEqual({ kind: 'accepted' });
      await confirmSignature((await confirmationTokenFor(db(), email))!);
    }
    await signPetition('free-the-family', signer('pending@example.org'), { ip: testAddress(200), origin });
    let figures = await valueOf(getPetitionFigures(session, { petitionId }));
    expect(figures).toMatchObject({ confirmed: 4, pending: 1, invalidated: 0 });
    expect(figures.byCountry).toEqual([{ country: 'KR', count: 4 }]);
    expect(figures.perDay.reduce((sum, day) => sum + day.count, 0)).toBe(4);
    expect(figures.topDomains[0]).toEqual({ domain: 'example.org', count: 3 });

    // A flood from one domain (and its subdomains) is set aside, and brought back.
    const invalidated = await invalidateSignatures(session, { petitionId, domain: 'flood.example', reason: 'Bulk sign-ups from a throwaway domain' });
    expect(invalidated).toMatchObject({ ok: true, value: { count: 2 } });
    expect(await invalidateSignatures(session, { petitionId, domain: 'nobody.example', reason: 'nothing' })).toEqual({ ok: false, fieldErrors: { domain: 'nothingMatched' } });
    forgetPetitionCounts();
    expect(await getPetitionCount('free-the-family')).toEqual({ confirmed: 2, goal: 10 });
    figures = await valueOf(getPetitionFigures(session, { petitionId }));
    expect(figures).toMatchObject({ confirmed: 2, invalidated: 2 });
    expect(figures.invalidations[0]).toMatchObject({ reason: 'Bulk sign-ups from a throwaway domain', signatureCount: 2, revertedAt: null });
    expect(await restoreSignatures(session, { invalidationId: (invalidated as { value: { invalidationId: string } }).value.invalidationId })).toMatchObject({ ok: true, value: { count: 2 } });
    forgetPetitionCounts();
    expect((await getPetitionCount('free-the-family'))?.confirmed).toBe(4);
    expect((await recountPetition(db(), petitionId)).before).toBe(4);

    // The export shows each signer only as they chose; never an address.
    const exported = await valueOf(exportSignatures(session, { petitionId }));
    const lines = String(exported.body).trim().split('\n');
    expect(lines[0]).toBe('confirmed_on,name,country');
    expect(lines.slice(1).map((line) => line.split(',').slice(1).join(','))).toEqual(['Anonymous,KR', 'Anonymous,KR', '민지,KR', 'Anonymous,KR']);
    expect(exported.body).not.toContain('@');
    expect(exported.body).not.toContain('김');

    // Blocklist and the site-wide switch.
    const added = await addBlocklistEntry(session, { kind: 'ip_range', value: '203.0.113.0/24', note: 'a bot farm' });
    expect(added.ok).toBe(true);
    expect(await addBlocklistEntry(session, { kind: 'ip_range', value: '203.0.113.7/24' })).toEqual({ ok: false, fieldErrors: { value: 'valueInvalid' } });
    expect(await addBlocklistEntry(session, { kind: 'ip_range', value: '203.0.113.0/24' })).toEqual({ ok: false, fieldErrors: { value: 'entryExists' } });
    expect(await addBlocklistEntry(session, { kind: 'email_domain', value: 'not a domain' })).toEqual({ ok: false, fieldErrors: { value: 'valueInvalid' } });
    expect(await removeBlocklistEntry(session, { entryId: (added as { value: { entryId: string } }).value.entryId })).toMatchObject({ ok: true });
    await setSiteSigningPause(session, { signingPaused: 'on' });
    expect((await valueOf(listPetitions(session, {}))).sitePaused).toBe(true);
    expect(await signPetition('free-the-family', signer('paused@example.org'), { ip: testAddress(300), origin })).toEqual({ kind: 'not_accepting', reason: 'site_paused' });
    await setSiteSigningPause(session, {});

    // A signer withdraws: gone, and the count follows.
    const [tom] = await db().select({ id: petitionSignatures.id }).from(petitionSignatures).where(eq(petitionSignatures.email, 'tom@example.org'));
    const token = withdrawalToken(tom!.id);
    expect(await getWithdrawal(token)).toMatchObject({ state: 'pending', petition: { slug: 'free-the-family' } });
    expect(await getWithdrawal(`${tom!.id}.${'x'.repeat(32)}`)).toEqual({ state: 'invalid', petition: null });
    expect(await withdrawSignature(token)).toMatchObject({ state: 'withdrawn' });
    expect(await withdrawSignature(token)).toEqual({ state: 'invalid', petition: null });
    forgetPetitionCounts();
    expect((await getPetitionCount('free-the-family'))?.confirmed).toBe(3);

    // Close, deliver: a public event on the case, and news for those who asked.
    expect(await closePetition(session, { petitionId })).toMatchObject({ ok: true });
    expect(await closePetition(session, { petitionId })).toEqual({ ok: false, fieldErrors: { petitionId: 'alreadyClosed' } });
    forgetSigningPetitions();
    expect(await signPetition('free-the-family', signer('late@example.org'), { ip: testAddress(400), origin })).toEqual({ kind: 'not_accepting', reason: 'closed' });
    const delivered = await markPetitionDelivered(session, { petitionId, deliveredOn: '2026-11-29', deliveredTo: 'the Chinese embassy in Seoul', note: 'Handed over at the gate.' });
    // The delivery goes through the case's publication gate: public once a second staff member approves.
    expect(delivered).toMatchObject({ ok: true, value: { publication: 'pending' } });
    const deliveryEventId = (delivered as { value: { eventId: string } }).value.eventId;
    let [event] = await db().select().from(timelineEvents).where(and(eq(timelineEvents.caseId, caseId), eq(timelineEvents.eventType, 'advocacy')));
    // Meant to be public, and waiting for the case's next publication.
    expect(event).toMatchObject({ id: deliveryEventId, visibility: 'public' });
    expect((await getPublicCase(caseSlug))?.timeline.map((item) => item.title)).not.toContain('Petition delivered to the Chinese embassy in Seoul');
    const { session: admin } = await sessionForRole('admin');
    expect(await approvePublication(admin, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    [event] = await db().select().from(timelineEvents).where(eq(timelineEvents.id, deliveryEventId));
    expect(event).toMatchObject({ title: 'Petition delivered to the Chinese embassy in Seoul', occurredOn: '2026-11-29' });
    expect((await getPublicCase(caseSlug))?.timeline.map((item) => item.title)).toContain('Petition delivered to the Chinese embassy in Seoul');
    expect(event!.description).toContain('signed by 3 people');
    // The news is mailed by the background job, once.
    await mailCaseNews(db(), { origin });
    await mailCaseNews(db(), { origin });
    const news = await db().select().from(mailOutbox).where(eq(mailOutbox.subject, sql`${'News about the case: '} || (select title from cases where id = ${caseId})`));
    expect(news.map((mail) => mail.toAddress)).toEqual(['minji@example.org']);
    expect(news[0]!.textBody).toContain('/withdraw/');

    const actions = (await db().select({ action: auditLog.action }).from(auditLog)).map((row) => row.action);
    for (const action of ['petitions.create', 'petitions.update', 'signatures.invalidate', 'signatures.restore', 'signatures.export', 'blocklists.add', 'blocklists.remove', 'petitions.pauseAll', 'petitions.close', 'petitions.markDelivered', 'events.create']) {
      expect(actions, action).toContain(action);
    }

    // 180 days after closing, personal data goes; the count stays.
    expect(await anonymiseClosedPetitions(db())).toEqual({ petitions: 0, signatures: 0 });
    await db().update(petitions).set({ closedAt: sql`now() - interval '181 days'` }).where(eq(petitions.id, petitionId));
    expect(await anonymiseClosedPetitions(db())).toEqual({ petitions: 1, signatures: 4 });
    const remaining = await db().select().from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
    expect(remaining.every((row) => row.email === null && row.name === null && row.emailNormalised === null && row.ipHash === null && !row.wantsUpdates)).toBe(true);
    expect(remaining.every((row) => row.country === 'KR')).toBe(true);
    expect((await recountPetition(db(), petitionId)).after).toBe(3);
    forgetPetitionCounts();
    expect(await getPetitionCount('free-the-family')).toEqual({ confirmed: 3, goal: 10 });
  });
});
