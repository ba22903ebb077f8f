/**
 * The advocate's case file on both engines: publication needs consent and a second approval, the grade
 * follows the sources' origins, every edit keeps the previous version and writes an audit row, an event
 * carries the custody it reports, and a correction shows publicly once reviewed.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, casePeople, publicationRequests, recordVersions, timelineEvents } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import type { StaffSession } from '@/lib/auth/staff-session';
import { valueOf } from '@/lib/operations/testing';
import { approvePublication } from './approve-publication';
import { correctEvent } from './correct-event';
import { createCase } from './create-case';
import { createEvent } from './create-event';
import { getCaseHistory } from './get-case-history';
import { getPublicCase } from './get-public-case';
import { listCases } from './list-cases';
import { listPublicCases } from './list-public-cases';
import { listSources } from './list-sources';
import { requestPublication } from './request-publication';
import { retractEvent } from './retract-event';
import { eventForm, insertTestCase, insertTestPerson, insertTestSource, pendingReviewOf, publishAsTheyStand, reviewOf, setCaseRules } from './test-fixtures';
import { updateCase } from './update-case';
import { updateEvent } from './update-event';
import { withdrawPublication } from './withdraw-publication';

const caseFields = (slug: string) => ({
  slug,
  title: `Case ${slug}`,
  publicSummary: 'A public summary.',
  urgency: 'high' as const,
  lifecycle: 'draft' as const,
  publicityMode: 'public_campaign' as const,
  familyConsentStatus: 'not_asked' as const,
});

describeEachEngine('case files', ({ db }) => {
  let advocate: StaffSession;
  let secondAdvocate: StaffSession;
  beforeAll(async () => {
    advocate = (await sessionForRole('advocate')).session;
    secondAdvocate = (await sessionForRole('advocate', { internalAccess: true })).session;
  });

  it('refuses to publish without consent, then waits for a second staff member, then publishes', async () => {
    const created = await createCase(advocate, caseFields('publication-rules'));
    expect(created.ok).toBe(true);
    const caseId = created.ok ? created.value.caseId : '';

    // No consent, no recorded reason: refused, nothing pending.
    expect(await requestPublication(advocate, { caseId })).toEqual({ ok: false, fieldErrors: { note: 'consentRequired' } });
    // Marking the working copy "published" shows nothing: only an approved publication does.
    expect(await updateCase(advocate, { caseId, ...caseFields('publication-rules'), lifecycle: 'published' })).toMatchObject({ ok: true });
    expect((await listPublicCases()).map((item) => item.slug)).not.toContain('publication-rules');
    expect(await requestPublication(advocate, { caseId })).toEqual({ ok: false, fieldErrors: { note: 'consentRequired' } });

    // A recorded reason stands in for consent; the request then waits for someone else.
    await updateCase(advocate, { caseId, ...caseFields('publication-rules'), lifecycle: 'published', consentWaiverReason: 'The family cannot be reached; the case is already in the news.' });
    expect(await requestPublication(advocate, { caseId, note: 'Safe: already reported by the press.' })).toEqual({ ok: true, value: { outcome: 'pending' } });
    expect(await getPublicCase('publication-rules')).toBeNull();
    const [pending] = await db().query.publicationRequests.findMany({ where: (request, { eq: equals }) => equals(request.caseId, caseId) });
    expect(await approvePublication(advocate, await reviewOf(pending!.id))).toEqual({ ok: false, fieldErrors: { requestId: 'secondApproverRequired' } });
    expect(await getPublicCase('publication-rules')).toBeNull();

    expect(await approvePublication(secondAdvocate, await reviewOf(pending!.id))).toMatchObject({ ok: true });
    expect((await getPublicCase('publication-rules'))?.title).toBe('Case publication-rules');
  });

  it('a withdrawn request can no longer be approved', async () => {
    const caseId = await insertTestCase({ slug: 'withdrawn-request', lifecycle: 'published' });
    expect(await requestPublication(advocate, { caseId })).toEqual({ ok: true, value: { outcome: 'pending' } });
    const [pending] = await db().query.publicationRequests.findMany({ where: (request, { eq: equals }) => equals(request.caseId, caseId) });
    expect(await withdrawPublication(advocate, { requestId: pending!.id })).toEqual({ ok: true, value: { caseId } });
    expect(await approvePublication(secondAdvocate, await reviewOf(pending!.id))).toEqual({ ok: false, fieldErrors: { requestId: 'requestInvalid' } });
    expect(await getPublicCase('withdrawn-request')).toBeNull();
  });

  it('never lists an internal-only or quiet case, even published', async () => {
    await insertTestCase({ slug: 'internal-only-published', lifecycle: 'published', publicityMode: 'internal_only' });
    await insertTestCase({ slug: 'quiet-published', lifecycle: 'published', publicityMode: 'quiet_advocacy' });
    const slugs = (await listPublicCases()).map((item) => item.slug);
    expect(slugs).not.toContain('internal-only-published');
    expect(slugs).not.toContain('quiet-published');
    const quiet = (await valueOf(listCases(advocate, { publicityMode: 'quiet_advocacy' }))).cases.map((item) => item.slug);
    expect(quiet).toEqual(['quiet-published']);
    // And a quiet case cannot be pushed out through publication either.
    const caseId = (await valueOf(listCases(advocate, { q: 'quiet-published' }))).cases[0]!.id;
    expect(await requestPublication(advocate, { caseId })).toEqual({ ok: false, fieldErrors: { note: 'notPublicCampaign' } });
  });

  it('publishes at once when the admins turned the second approval off', async () => {
    await setCaseRules({ requireSecondApproval: false });
    try {
      const caseId = await insertTestCase({ slug: 'single-approval', familyConsentStatus: 'granted', lifecycle: 'published' });
      expect(await requestPublication(advocate, { caseId })).toEqual({ ok: true, value: { outcome: 'published' } });
      expect(await getPublicCase('single-approval')).not.toBeNull();
    } finally {
      await setCaseRules({ requireSecondApproval: true });
    }
  });

  it('grades two relays of one informant as a single source, and independent ones as corroborated', async () => {
    const caseId = await insertTestCase();
    const relayA = await insertTestSource({ kind: 'informant_north_korea', origin: 'Informant K' });
    const relayB = await insertTestSource({ kind: 'informant_china', origin: 'informant k' });
    const other = await insertTestSource({ kind: 'informant_north_korea', origin: 'Trader H' });
    const relayed = await createEvent(advocate, eventForm(caseId, { sourceIds: `${relayA},${relayB}` }));
    const corroborated = await createEvent(advocate, eventForm(caseId, { sourceIds: `${relayA},${other}` }));
    const grade = async (result: typeof relayed) =>
      (await db().select({ grade: timelineEvents.verificationGrade }).from(timelineEvents).where(eq(timelineEvents.id, result.ok ? result.value.eventId : '')))[0]?.grade;
    expect(await grade(relayed)).toBe('single_source');
    expect(await grade(corroborated)).toBe('corroborated');
  });

  it('keeps the custody an event reports on the event, every version, and an audit row per change', async () => {
    const caseId = await insertTestCase();
    const wife = await insertTestPerson(caseId, { publicAlias: 'Mrs. K', custodyStatus: 'detained_in_china' });
    const auditBefore = (await db().select({ id: auditLog.id }).from(auditLog)).length;
    const created = await createEvent(
      advocate,
      eventForm(caseId, {
        eventType: 'repatriation',
        title: 'Handed over at Tumen',
        occurredOn: '2024-05-01',
        occurredPrecision: 'month',
        place: 'Tumen',
        personIds: wife,
        updateCustody: 'on',
        custodyStatus: 'handed_over_to_north_korea',
      }),
    );
    expect(created.ok).toBe(true);
    const eventId = created.ok ? created.value.eventId : '';
    const [event] = await db().select().from(timelineEvents).where(eq(timelineEvents.id, eventId));
    expect(event).toMatchObject({ custodyStatus: 'handed_over_to_north_korea', custodyPlace: 'Tumen' });
    // The person's own record (what an advocate set by hand) is untouched: the report lives on the event.
    const [person] = await db().select().from(casePeople).where(eq(casePeople.id, wife));
    expect(person).toMatchObject({ custodyStatus: 'detained_in_china' });

    expect(await updateEvent(advocate, { ...eventForm(caseId, { title: 'Handed over at Namyang', personIds: wife }), eventId })).toMatchObject({ ok: true });
    const versions = await db()
      .select({ version: recordVersions.version, snapshot: recordVersions.snapshot, changeKind: recordVersions.changeKind })
      .from(recordVersions)
      .where(and(eq(recordVersions.entityType, 'event'), eq(recordVersions.entityId, eventId)))
      .orderBy(recordVersions.version);
    expect(versions.map((version) => [version.version, version.changeKind, (version.snapshot as { title: string }).title])).toEqual([
      [1, 'created', 'Handed over at Tumen'],
      [2, 'updated', 'Handed over at Namyang'],
    ]);
    const history = await valueOf(getCaseHistory(advocate, { caseId }));
    expect(history.filter((entry) => entry.entityId === eventId).map((entry) => entry.changedBy)).toEqual([advocate.email, advocate.email]);
    // One audit row per change: the event twice.
    const auditRows = await db().select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog);
    expect(auditRows.slice(auditBefore).map((row) => row.action).sort()).toEqual(['events.create', 'events.update']);
  });

  it('holds back the custody change of an event waiting for approval, and applies it on approval', async () => {
    const caseId = await insertTestCase({ slug: 'custody-waits', lifecycle: 'published', familyConsentStatus: 'granted', publishedAt: new Date() });
    const student = await insertTestPerson(caseId, { publicAlias: 'Student S', custodyStatus: 'detained_in_china', custodyPlace: 'Shenyang' });
    await publishAsTheyStand();
    const created = await createEvent(
      advocate,
      eventForm(caseId, { eventType: 'repatriation', title: 'Handed over at Dandong', place: 'Dandong', visibility: 'public', personIds: student, updateCustody: 'on', custodyStatus: 'handed_over_to_north_korea' }),
    );
    expect(created).toMatchObject({ ok: true, value: { publication: 'pending' } });
    expect((await getPublicCase('custody-waits'))?.people[0]).toMatchObject({ custodyStatus: 'detained_in_china', custodyPlace: 'Shenyang' });
    const [pending] = await db().query.publicationRequests.findMany({ where: (request, { eq: equals }) => equals(request.caseId, caseId) });
    expect(await approvePublication(secondAdvocate, await reviewOf(pending!.id))).toMatchObject({ ok: true });
    const publicCase = await getPublicCase('custody-waits');
    expect(publicCase?.people[0]).toMatchObject({ custodyStatus: 'handed_over_to_north_korea', custodyPlace: 'Dandong', custodyAsOf: { date: '2024-03-01', precision: 'day' } });
    expect(publicCase?.timeline.map((event) => event.title)).toEqual(['Handed over at Dandong']);
  });

  it('corrects and retracts public events in the open, never silently, and never without a second look', async () => {
    const caseId = await insertTestCase({ slug: 'corrections-case', lifecycle: 'published', familyConsentStatus: 'granted', publishedAt: new Date() });
    await publishAsTheyStand();
    const created = await createEvent(advocate, eventForm(caseId, { title: 'Held in Sinuiju', visibility: 'public' }));
    expect(created).toMatchObject({ ok: true, value: { publication: 'pending' } });
    const eventId = created.ok ? created.value.eventId : '';
    expect(await approvePublication(secondAdvocate, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    expect(await updateEvent(advocate, { ...eventForm(caseId, { title: 'Silently changed' }), eventId })).toEqual({
      ok: false,
      fieldErrors: { form: 'publicEventNeedsCorrection' },
    });
    // No public reason, no correction: a field error, nothing written.
    expect(await correctEvent(advocate, { ...eventForm(caseId, { title: 'Held in Hyesan' }), eventId, publicReason: '' })).toEqual({ ok: false, fieldErrors: { publicReason: 'required' } });
    expect(await correctEvent(advocate, { ...eventForm(caseId, { title: 'Held in Hyesan', visibility: 'internal' }), eventId, publicReason: 'The city was wrong.' })).toMatchObject({
      ok: true,
      value: { publication: 'pending' },
    });
    // Nothing public changed yet: the correction waits for a second staff member like anything else.
    let publicCase = await getPublicCase('corrections-case');
    expect(publicCase?.timeline.map((event) => [event.title, event.notice])).toEqual([['Held in Sinuiju', null]]);
    expect(await approvePublication(secondAdvocate, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    publicCase = await getPublicCase('corrections-case');
    expect(publicCase?.timeline.map((event) => [event.title, event.notice?.kind, event.notice?.reason])).toEqual([['Held in Hyesan', 'correction', 'The city was wrong.']]);

    expect(await retractEvent(advocate, { caseId, eventId, publicReason: 'The source withdrew the report.' })).toMatchObject({ ok: true, value: { publication: 'pending' } });
    expect((await getPublicCase('corrections-case'))?.timeline[0]?.notice?.kind).toBe('correction');
    expect(await approvePublication(secondAdvocate, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    publicCase = await getPublicCase('corrections-case');
    expect(publicCase?.timeline[0]).toMatchObject({ verification: 'retracted', notice: { kind: 'retraction', reason: 'The source withdrew the report.' } });
    expect(publicCase?.corrections.map((entry) => entry.kind)).toEqual(['retraction', 'correction']);
  });

  it('an event meant to be public waits in the working copy when the family refused', async () => {
    const caseId = await insertTestCase({ slug: 'gate-case', lifecycle: 'published', familyConsentStatus: 'refused', publishedAt: new Date() });
    await publishAsTheyStand();
    expect(await createEvent(advocate, eventForm(caseId, { title: 'Wants out', visibility: 'public' }))).toMatchObject({
      ok: true,
      value: { publication: null, publicationRefusal: 'consentRequired' },
    });
    expect(await db().select({ id: publicationRequests.id }).from(publicationRequests).where(and(eq(publicationRequests.caseId, caseId), eq(publicationRequests.status, 'pending')))).toEqual([]);
    await createEvent(advocate, eventForm(caseId, { title: 'Internal only', visibility: 'internal' }));
    expect((await getPublicCase('gate-case'))?.timeline).toEqual([]);
  });

  it('shows confidential source details only to staff with internal access', async () => {
    await insertTestSource({ publicAttribution: 'a source in Hyesan', name: 'Contact Q', origin: 'Q line', mayBeNamed: false });
    const plain = (await valueOf(listSources(advocate, {}))).find((source) => source.publicAttribution === 'a source in Hyesan');
    expect(plain).toMatchObject({ name: null, origin: null, internalNotes: null, confidentialHidden: true });
    const full = (await valueOf(listSources(secondAdvocate, {}))).find((source) => source.publicAttribution === 'a source in Hyesan');
    expect(full).toMatchObject({ name: 'Contact Q', origin: 'Q line', confidentialHidden: false });
  });

  it('flags cases whose review date passed', async () => {
    await insertTestCase({ slug: 'review-overdue', nextReviewOn: '2020-01-01' });
    const due = await valueOf(listCases(advocate, { reviewDue: '1' }));
    expect(due.reviewAfterDays).toBe(30);
    expect(due.cases.find((item) => item.slug === 'review-overdue')?.reviewReasons).toEqual(['reviewDatePassed']);
    expect(due.cases.map((item) => item.slug)).not.toContain('publication-rules');
    // A case nobody touched for longer than the interval is flagged too.
    await insertTestCase({ slug: 'quiet-for-long', updatedAt: new Date(Date.now() - 40 * 86_400_000) });
    expect((await valueOf(listCases(advocate, { reviewDue: '1', q: 'quiet-for-long' }))).cases[0]?.reviewReasons).toEqual(['noRecentUpdate']);
  });
});
