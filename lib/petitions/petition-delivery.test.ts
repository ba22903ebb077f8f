/**
 * What the console says of a delivered petition, on both engines: the hand-over as recorded, and where
 * its case-timeline event really stands (waiting for a second approval, public, held back by the
 * case, kept for staff only and why), read from the database as it is now.
 */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { cases, timelineEvents } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { ForbiddenError } from '@/lib/auth/permissions';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { pendingReviewOf } from '@/lib/cases/test-fixtures';
import { requestPublication } from '@/lib/cases/request-publication';
import { approvePublication } from '@/lib/cases/approve-publication';
import { retractEvent } from '@/lib/cases/retract-event';
import { withdrawPublication } from '@/lib/cases/withdraw-publication';
import type { StaffSession } from '@/lib/auth/staff-session';
import { getPetitionFigures } from './get-petition-figures';
import { markPetitionDelivered } from './mark-petition-delivered';
import { createTestPetition } from './test-fixtures';

/** The delivery part of the organizers' petition page; null for an unknown petition. */
async function getPetitionDelivery(session: StaffSession | null, petitionId: string) {
  const result = await getPetitionFigures(session, { petitionId });
  return result.ok ? result.value.delivery : null;
}

process.env.NEXTAUTH_URL ??= 'https://vigil.test';

describeEachEngine('the delivery of a petition, as the console shows it', ({ db }) => {
  const closedPetition = (caseOverrides: Partial<typeof cases.$inferInsert> = {}) =>
    createTestPetition(db(), { status: 'closed', closedAt: new Date() }, { familyConsentStatus: 'granted', ...caseOverrides });
  const deliver = async (petitionId: string, note = '') => {
    const { session } = await sessionForRole('organizer');
    const delivered = await markPetitionDelivered(session, { petitionId, deliveredOn: '2026-11-29', deliveredTo: 'the Chinese embassy in Seoul', note });
    expect(delivered.ok).toBe(true);
    return (delivered as { value: { eventId: string } }).value.eventId;
  };

  it('waits for a second staff member, then is on the public timeline', async () => {
    const { session: organizer } = await sessionForRole('organizer');
    const { petitionId, caseId } = await closedPetition();
    expect(await getPetitionDelivery(organizer, petitionId)).toBeNull();

    const eventId = await deliver(petitionId, 'Handed over at the gate.');
    expect(await getPetitionDelivery(organizer, petitionId)).toEqual({
      caseId,
      deliveredOn: '2026-11-29',
      deliveredTo: 'the Chinese embassy in Seoul',
      note: 'Handed over at the gate.',
      timeline: { state: 'pendingApproval' },
      // An organizer without internal access cannot open the case file: no link to it.
      caseFileAccess: null,
    });
    const { session: admin } = await sessionForRole('admin');
    expect(await getPetitionDelivery(admin, petitionId)).toMatchObject({ timeline: { state: 'pendingApproval' }, caseFileAccess: 'approve' });
    // An organizer with internal access may read the case file, never approve in it.
    const { session: insider } = await sessionForRole('organizer', { internalAccess: true });
    expect(await getPetitionDelivery(insider, petitionId)).toMatchObject({ caseFileAccess: 'open' });

    expect(await approvePublication(admin, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    expect(await getPetitionDelivery(organizer, petitionId)).toMatchObject({ note: 'Handed over at the gate.', timeline: { state: 'public' } });

    // Retracted later (the embassy refused it, say): the console must not still say "on the public timeline".
    const { session: advocate } = await sessionForRole('advocate');
    expect(await retractEvent(advocate, { caseId, eventId, publicReason: 'The embassy returned the petition unopened.' })).toMatchObject({ ok: true });
    // Staff see the retraction at once; the public, once it is approved.
    expect((await getPetitionDelivery(organizer, petitionId))?.timeline).toEqual({ state: 'retracted' });
  });

  it('says when the case itself is not public yet: the event goes out with the case', async () => {
    const { session: organizer } = await sessionForRole('organizer');
    const { petitionId, caseId } = await closedPetition({ lifecycle: 'draft', publishedAt: null });
    await deliver(petitionId);
    expect((await getPetitionDelivery(organizer, petitionId))?.timeline).toEqual({ state: 'publicOnceCasePublished' });
    expect((await getPetitionDelivery(organizer, petitionId))?.note).toBeNull();

    await db().update(cases).set({ lifecycle: 'published' }).where(eq(cases.id, caseId));
    const { session: advocate } = await sessionForRole('advocate');
    const { session: admin } = await sessionForRole('admin');
    expect(await requestPublication(advocate, { caseId, note: 'The campaign starts.' })).toMatchObject({ ok: true, value: { outcome: 'pending' } });
    expect(await approvePublication(admin, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    expect((await getPetitionDelivery(organizer, petitionId))?.timeline).toEqual({ state: 'public' });
  });

  it('keeps the event for staff only, and says why: no consent recorded, or the request withdrawn', async () => {
    const { session: organizer } = await sessionForRole('organizer');
    const withoutConsent = await closedPetition({ familyConsentStatus: 'not_asked' });
    const refusedEventId = await deliver(withoutConsent.petitionId);
    const [refusedEvent] = await db().select({ visibility: timelineEvents.visibility }).from(timelineEvents).where(eq(timelineEvents.id, refusedEventId));
    // Meant to be public, it waits in the case's working copy: nothing was asked, nothing is public.
    expect(refusedEvent).toEqual({ visibility: 'public' });
    expect((await getPetitionDelivery(organizer, withoutConsent.petitionId))?.timeline).toEqual({ state: 'staffOnly', reason: 'consentRequired' });
    // Recording consent afterwards does not publish the event by itself: it stays for staff until someone asks.
    await db().update(cases).set({ familyConsentStatus: 'granted' }).where(eq(cases.id, withoutConsent.caseId));
    expect((await getPetitionDelivery(organizer, withoutConsent.petitionId))?.timeline).toEqual({ state: 'staffOnly', reason: 'consentRequired' });

    const withdrawn = await closedPetition();
    await deliver(withdrawn.petitionId);
    const { session: advocate } = await sessionForRole('advocate');
    expect(await withdrawPublication(advocate, { requestId: (await pendingReviewOf(withdrawn.caseId)).requestId })).toMatchObject({ ok: true });
    expect((await getPetitionDelivery(organizer, withdrawn.petitionId))?.timeline).toEqual({ state: 'staffOnly', reason: 'requestWithdrawn' });
  });

  it('reads the event the delivery wrote, not another one of the same case', async () => {
    const { session: organizer } = await sessionForRole('organizer');
    const first = await closedPetition();
    const firstEventId = await deliver(first.petitionId);
    // A second petition of the same case, delivered the same day to the same recipient, without consent this time.
    await db().update(cases).set({ familyConsentStatus: 'withdrawn' }).where(eq(cases.id, first.caseId));
    const second = await createTestPetition(db(), { caseId: first.caseId, status: 'closed' });
    const secondEventId = await deliver(second.petitionId);
    expect(secondEventId).not.toBe(firstEventId);
    expect((await getPetitionDelivery(organizer, first.petitionId))?.timeline).toEqual({ state: 'pendingApproval' });
    expect((await getPetitionDelivery(organizer, second.petitionId))?.timeline).toEqual({ state: 'staffOnly', reason: 'consentRequired' });
  });

  it('says so when no delivery event is on record', async () => {
    const { session: organizer } = await sessionForRole('organizer');
    // Delivered without the console (an old import, a hand-made fix): no audit row links an event.
    const { petitionId } = await createTestPetition(db(), { status: 'delivered', deliveredOn: '2025-01-02', deliveredTo: 'the UN', deliveryNote: 'By post.' });
    expect(await getPetitionDelivery(organizer, petitionId)).toMatchObject({ deliveredOn: '2025-01-02', deliveredTo: 'the UN', note: 'By post.', timeline: { state: 'unknown' } });
    expect(await getPetitionDelivery(organizer, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('is refused to anyone who may not read petitions', async () => {
    const { petitionId } = await closedPetition();
    await deliver(petitionId);
    const { session: advocate } = await sessionForRole('advocate', { internalAccess: true });
    await expect(getPetitionDelivery(advocate, petitionId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getPetitionDelivery(null, petitionId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
