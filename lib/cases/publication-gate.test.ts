/**
 * Issue 11's cases, on both engines: what one staff member could once publish alone (custody from an
 * internal event, a source's name, an edit after the request, a correction, a takedown, a weaker rule)
 * now reaches the public only through an approved publication of exactly the reviewed content.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { publicationRequests } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import type { StaffSession } from '@/lib/auth/staff-session';
import { valueOf } from '@/lib/operations/testing';
import { approvePublication } from './approve-publication';
import { readCaseRules } from './case-rules';
import { confirmUrgentPublication } from './confirm-urgent-publication';
import { correctEvent } from './correct-event';
import { createCase } from './create-case';
import { createEvent } from './create-event';
import { createPerson } from './create-person';
import { getPublicCase } from './get-public-case';
import { getCasePublication, getPublicationPreview, listPublicationQueue } from './get-publication';
import { rejectPublication } from './reject-publication';
import { requestPublication } from './request-publication';
import { eventForm, insertTestCase, insertTestPerson, insertTestSource, pendingReviewOf, publishAsTheyStand, setCaseRules } from './test-fixtures';
import { updateCase } from './update-case';
import { updateCaseRules } from './update-case-rules';
import { updateEvent } from './update-event';
import { updateSource } from './update-source';

describeEachEngine('publication gate', ({ db }) => {
  let advocate: StaffSession;
  let reviewer: StaffSession;
  let admin: StaffSession;
  let secondAdmin: StaffSession;
  beforeAll(async () => {
    advocate = (await sessionForRole('advocate', { internalAccess: true })).session;
    reviewer = (await sessionForRole('advocate', { internalAccess: true })).session;
    admin = (await sessionForRole('admin')).session;
    secondAdmin = (await sessionForRole('admin')).session;
  });

  /** A case the public already sees, with one person in Chinese custody. */
  async function publicCase(slug: string) {
    const caseId = await insertTestCase({ slug, lifecycle: 'published', publishedAt: new Date('2024-01-01T00:00:00Z') });
    const personId = await insertTestPerson(caseId, { publicAlias: 'Mrs. P', custodyStatus: 'detained_in_china', custodyPlace: 'Tumen' });
    await publishAsTheyStand();
    return { caseId, personId };
  }
  const publicJson = async (slug: string) => JSON.stringify(await getPublicCase(slug));

  it('an internal event reporting custody changes neither the public page nor its JSON', async () => {
    const { caseId, personId } = await publicCase('gate-custody');
    const before = await publicJson('gate-custody');
    const internal = eventForm(caseId, { title: 'Moved to a camp', personIds: personId, updateCustody: 'on', custodyStatus: 'labour_training_camp', custodyPlace: 'Camp 12' });
    expect(await createEvent(advocate, internal)).toMatchObject({ ok: true, value: { publication: null } });
    expect(await publicJson('gate-custody')).toBe(before);
    // Nor can a later publication carry it: the working copy's public view did not change.
    expect(await requestPublication(advocate, { caseId })).toEqual({ ok: false, fieldErrors: { note: 'nothingToPublish' } });
    expect((await getPublicCase('gate-custody'))?.people[0]).toMatchObject({ custodyStatus: 'detained_in_china', custodyPlace: 'Tumen' });
  });

  it('marking a confidential source "may be named" shows its name only after a second staff member approves', async () => {
    const { caseId } = await publicCase('gate-source');
    const sourceId = await insertTestSource({ kind: 'informant_china', publicAttribution: 'a source in Dandong', name: 'Contact Z', mayBeNamed: false });
    expect(await createEvent(advocate, eventForm(caseId, { title: 'Seen in Dandong', visibility: 'public', sourceIds: sourceId }))).toMatchObject({ ok: true, value: { publication: 'pending' } });
    expect(await approvePublication(reviewer, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    const before = await publicJson('gate-source');
    expect(before).toContain('a source in Dandong');

    const named = { kind: 'informant_china' as const, publicAttribution: 'a source in Dandong', mayBeNamed: 'on', name: 'Contact Z', url: '', origin: '', internalNotes: '' };
    expect(await updateSource(advocate, { sourceId, ...named })).toMatchObject({ ok: true });
    expect(await publicJson('gate-source')).toBe(before);
    expect(await requestPublication(advocate, { caseId, note: 'Contact Z agreed to be named.' })).toEqual({ ok: true, value: { outcome: 'pending' } });
    expect(await publicJson('gate-source')).not.toContain('Contact Z');
    const publication = await valueOf(getCasePublication(reviewer, { caseId }));
    expect(publication.pending?.changes.some((change) => change.after?.includes('Contact Z'))).toBe(true);
    expect(await approvePublication(reviewer, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    expect(await publicJson('gate-source')).toContain('Contact Z');
  });

  it('publishes exactly what was reviewed: an edit after the request must be asked and reviewed again', async () => {
    const { caseId } = await publicCase('gate-edit');
    const created = await createEvent(advocate, eventForm(caseId, { title: 'Held in Sinuiju', visibility: 'public' }));
    const eventId = created.ok ? created.value.eventId : '';
    const reviewed = await pendingReviewOf(caseId);
    expect(await updateEvent(advocate, { ...eventForm(caseId, { title: 'Held in Hyesan', visibility: 'public' }), eventId })).toMatchObject({ ok: true });
    expect(await approvePublication(reviewer, reviewed)).toEqual({ ok: false, fieldErrors: { requestId: 'changedSinceRequest' } });
    expect((await getPublicCase('gate-edit'))?.timeline).toEqual([]);
    expect((await valueOf(getCasePublication(reviewer, { caseId }))).pending?.stale).toBe(true);

    // Asked again: the reviewer's old page (old hash) is refused too; the new one publishes the new text.
    expect(await requestPublication(advocate, { caseId })).toEqual({ ok: true, value: { outcome: 'pending' } });
    expect(await approvePublication(reviewer, reviewed)).toEqual({ ok: false, fieldErrors: { requestId: 'changedSinceReview' } });
    expect(await approvePublication(reviewer, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    expect((await getPublicCase('gate-edit'))?.timeline.map((event) => event.title)).toEqual(['Held in Hyesan']);
    // Once public, the event changes only in the open.
    expect(await updateEvent(advocate, { ...eventForm(caseId, { title: 'Quietly changed', visibility: 'public' }), eventId })).toEqual({
      ok: false,
      fieldErrors: { form: 'publicEventNeedsCorrection' },
    });
  });

  it('a first publication of a case with five events is one request, previewed, and one approval', async () => {
    const created = await createCase(advocate, {
      slug: 'gate-first',
      title: 'Caught near Shenyang',
      publicSummary: 'A mother and her son.',
      urgency: 'critical',
      lifecycle: 'published',
      publicityMode: 'public_campaign',
      familyConsentStatus: 'granted',
    });
    const caseId = created.ok ? created.value.caseId : '';
    expect(await createPerson(advocate, { caseId, publicAlias: 'Mother M', relation: 'principal', custodyStatus: 'detained_in_china', custodyAsOfPrecision: 'day' })).toMatchObject({ ok: true });
    for (let day = 1; day <= 5; day += 1) {
      expect(await createEvent(advocate, eventForm(caseId, { title: `Event ${day}`, occurredOn: `2024-03-0${day}`, visibility: 'public' }))).toMatchObject({
        ok: true,
        value: { publication: 'pending' },
      });
    }
    const requests = await db().select({ id: publicationRequests.id }).from(publicationRequests).where(eq(publicationRequests.caseId, caseId));
    expect(requests).toHaveLength(1);
    expect(await getPublicCase('gate-first')).toBeNull();
    const queue = await valueOf(listPublicationQueue(reviewer, {}));
    expect(queue.find((item) => item.caseId === caseId)).toMatchObject({ kind: 'pending', requestedBy: advocate.email, requestedByMe: false });
    const preview = await valueOf(getPublicationPreview(reviewer, { caseId, requestId: requests[0]!.id }));
    expect(preview.content?.timeline.map((event) => event.title)).toEqual(['Event 1', 'Event 2', 'Event 3', 'Event 4', 'Event 5']);
    expect(await approvePublication(reviewer, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    const published = await getPublicCase('gate-first');
    // The public page is the preview, stamped with its publication date.
    expect(published?.timeline.map((event) => ({ ...event, updatedAt: undefined }))).toEqual(preview.content?.timeline.map((event) => ({ ...event, updatedAt: undefined })));
    expect(published).toMatchObject({ title: preview.content?.title, people: preview.content?.people, summary: preview.content?.summary });
  });

  it('a rejection says why, and the requester can neither approve nor reject their own request', async () => {
    const { caseId } = await publicCase('gate-reject');
    await createEvent(advocate, eventForm(caseId, { title: 'Rumour', visibility: 'public' }));
    const { requestId } = await pendingReviewOf(caseId);
    expect(await rejectPublication(advocate, { requestId, reason: 'Mine.' })).toEqual({ ok: false, fieldErrors: { requestId: 'secondApproverRequired' } });
    expect(await rejectPublication(reviewer, { requestId, reason: ' ' })).toEqual({ ok: false, fieldErrors: { reason: 'rejectionReasonRequired' } });
    expect(await rejectPublication(reviewer, { requestId, reason: 'Only one source, and it is a relay.' })).toMatchObject({ ok: true });
    expect((await valueOf(getCasePublication(advocate, { caseId }))).lastDecision).toMatchObject({ status: 'rejected', reason: 'Only one source, and it is a relay.' });
    expect((await getPublicCase('gate-reject'))?.timeline).toEqual([]);
  });

  it('takes a case down only through the gate', async () => {
    const { caseId } = await publicCase('gate-takedown');
    expect(await updateCase(advocate, { caseId, slug: 'gate-takedown', title: 'A test case', urgency: 'moderate', lifecycle: 'draft', publicityMode: 'public_campaign', familyConsentStatus: 'granted' })).toMatchObject({ ok: true });
    expect(await getPublicCase('gate-takedown')).not.toBeNull();
    expect(await requestPublication(advocate, { caseId, note: 'The family asked us to take it down.' })).toEqual({ ok: true, value: { outcome: 'pending' } });
    expect((await valueOf(getCasePublication(reviewer, { caseId }))).pending?.takeDown).toBe(true);
    expect(await approvePublication(reviewer, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    expect(await getPublicCase('gate-takedown')).toBeNull();
  });

  it('a rule that lets fewer people publish applies only when a second admin saves the same', async () => {
    const weaker = { requireSecondApproval: 'off', allowUrgentCorrections: 'on', reviewAfterDays: '30' };
    try {
      expect(await updateCaseRules(admin, weaker)).toMatchObject({ ok: true, value: { outcome: 'proposed' } });
      expect(await updateCaseRules(admin, weaker)).toMatchObject({ ok: true, value: { outcome: 'proposed' } });
      expect(await readCaseRules(db())).toMatchObject({ requireSecondApproval: true, allowUrgentCorrections: false });
      expect(await updateCaseRules(secondAdmin, weaker)).toMatchObject({ ok: true, value: { outcome: 'applied' } });
      expect(await readCaseRules(db())).toMatchObject({ requireSecondApproval: false, allowUrgentCorrections: true });
      // Back to the stronger rule: one admin is enough for that.
      expect(await updateCaseRules(admin, { requireSecondApproval: 'on', reviewAfterDays: '30' })).toMatchObject({ ok: true, value: { outcome: 'applied' } });
      expect(await readCaseRules(db())).toMatchObject({ requireSecondApproval: true, allowUrgentCorrections: false });
    } finally {
      await setCaseRules({ requireSecondApproval: true, allowUrgentCorrections: false });
    }
  });

  it('an urgent correction goes out at once only where allowed, only on its own, and is reviewed after', async () => {
    const { caseId } = await publicCase('gate-urgent');
    const created = await createEvent(advocate, eventForm(caseId, { title: 'Sent back on 3 March', visibility: 'public' }));
    const eventId = created.ok ? created.value.eventId : '';
    expect(await approvePublication(reviewer, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    const correction = { ...eventForm(caseId, { title: 'Sent back on 30 March', visibility: 'public' }), eventId, publicReason: 'The date was wrong.', urgentReason: 'The wrong date endangers the source.' };
    expect(await correctEvent(advocate, correction)).toEqual({ ok: false, fieldErrors: { urgentReason: 'urgentNotAllowed' } });

    await setCaseRules({ allowUrgentCorrections: true });
    try {
      // Another change waits in the working copy: it may not ride along unreviewed.
      await updateCase(advocate, { caseId, slug: 'gate-urgent', title: 'A new title', urgency: 'moderate', lifecycle: 'published', publicityMode: 'public_campaign', familyConsentStatus: 'granted' });
      expect(await correctEvent(advocate, correction)).toEqual({ ok: false, fieldErrors: { urgentReason: 'otherChangesWaiting' } });
      await updateCase(advocate, { caseId, slug: 'gate-urgent', title: 'A test case', urgency: 'moderate', lifecycle: 'published', publicityMode: 'public_campaign', familyConsentStatus: 'granted' });
      expect(await correctEvent(advocate, correction)).toMatchObject({ ok: true, value: { publication: 'published' } });
      expect((await getPublicCase('gate-urgent'))?.timeline[0]).toMatchObject({ title: 'Sent back on 30 March', notice: { kind: 'correction', reason: 'The date was wrong.' } });
      const [urgent] = await db()
        .select({ id: publicationRequests.id })
        .from(publicationRequests)
        .where(and(eq(publicationRequests.caseId, caseId), sql`${publicationRequests.urgentReason} <> ''`));
      expect((await valueOf(listPublicationQueue(reviewer, {}))).find((item) => item.requestId === urgent!.id)?.kind).toBe('urgentReview');
      expect(await confirmUrgentPublication(advocate, { requestId: urgent!.id })).toEqual({ ok: false, fieldErrors: { requestId: 'secondApproverRequired' } });
      expect(await confirmUrgentPublication(reviewer, { requestId: urgent!.id })).toMatchObject({ ok: true });
      expect((await valueOf(listPublicationQueue(reviewer, {}))).find((item) => item.requestId === urgent!.id)).toBeUndefined();
    } finally {
      await setCaseRules({ allowUrgentCorrections: false });
    }
  });

  it('a published snapshot cannot be changed, even by SQL', async () => {
    await publicCase('gate-immutable');
    const refusal = await db()
      .execute(sql`update public_snapshots set title = 'changed'`)
      .then(() => null, (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message));
    expect(refusal).toMatch(/immutable/);
  });
});
