/**
 * Issue 11, petition text: a petition's title, text, addressee and address reach the public only through
 * the publication gate, like the case's own text, on both engines. One organizer can open or edit a
 * petition, but the public reads the reviewed text until a second staff member approves the new one.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { petitions, publicSnapshots } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import type { StaffSession } from '@/lib/auth/staff-session';
import { valueOf } from '@/lib/operations/testing';
import { approvePublication } from '@/lib/cases/approve-publication';
import { publishPetitionTextsAsTheyStand } from '@/lib/cases/first-snapshots';
import { getPublicCase } from '@/lib/cases/get-public-case';
import { getPublicationPreview } from '@/lib/cases/get-publication';
import { pendingReviewOf } from '@/lib/cases/test-fixtures';
import { getConfirmation } from './get-confirmation';
import { getPetitionFigures } from './get-petition-figures';
import { getPublicPetition } from './get-public-petition';
import { listOpenPetitions } from './list-open-petitions';
import { requestPetitionPublication } from './request-petition-publication';
import { createTestPetition } from './test-fixtures';
import { updatePetition } from './update-petition';

describeEachEngine('petition text through the publication gate', ({ db }) => {
  let organizer: StaffSession;
  let reviewer: StaffSession;
  beforeAll(async () => {
    organizer = (await sessionForRole('organizer')).session;
    reviewer = (await sessionForRole('advocate', { internalAccess: true })).session;
  });

  /** The organizer's edit form as posted: the petition's current fields with some changed. */
  async function edit(petitionId: string, changes: Record<string, string>) {
    const [row] = await db().select().from(petitions).where(eq(petitions.id, petitionId));
    return updatePetition.fromUntrusted(organizer, {
      petitionId,
      slug: row!.slug,
      title: row!.title,
      target: row!.target,
      body: row!.body,
      goal: String(row!.goal),
      status: row!.status,
      ...changes,
    });
  }
  const stateOf = async (petitionId: string) => (await valueOf(getPetitionFigures(organizer, { petitionId }))).publicText;
  /** A petition on a public case whose family consented to publication (the gate asks for consent). */
  const consentedPetition = (overrides: Parameters<typeof createTestPetition>[1] = {}) => createTestPetition(db(), overrides, { familyConsentStatus: 'granted' });
  async function approve(caseId: string) {
    expect(await approvePublication(reviewer, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
  }

  it('an organizer opens a draft: it stays hidden until a second staff member approves its text', async () => {
    const { petitionId, caseId, slug } = await consentedPetition({ status: 'draft', title: 'Free the fishermen' });
    expect(await stateOf(petitionId)).toMatchObject({ state: 'draft' });
    expect(await edit(petitionId, { status: 'open' })).toMatchObject({ ok: true, value: { publication: 'pending', publicationRefusal: null } });
    expect(await getPublicPetition(slug)).toBeNull();
    expect((await listOpenPetitions(100)).map((item) => item.slug)).not.toContain(slug);
    expect(await stateOf(petitionId)).toMatchObject({ state: 'pendingApproval', caseFileAccess: null });
    // The reviewer's preview carries the text.
    const review = await pendingReviewOf(caseId);
    const preview = await getPublicationPreview(reviewer, { caseId, requestId: review.requestId });
    expect(preview.ok && preview.value.content?.petitions).toEqual([{ slug, title: 'Free the fishermen', body: '', target: 'President Xi Jinping' }]);
    // The organizer cannot approve: they may not even review case publications.
    await expect(approvePublication(organizer, review)).rejects.toThrow(/cases\.approvePublication/);
    await approve(caseId);
    expect(await getPublicPetition(slug)).toMatchObject({ title: 'Free the fishermen', target: 'President Xi Jinping' });
    expect(await stateOf(petitionId)).toMatchObject({ state: 'published' });
  });

  it('an organizer edits a public petition: the public reads the reviewed text until the new one is approved', async () => {
    const { petitionId, caseId, slug } = await consentedPetition({ title: 'Let them go', body: 'The reviewed text.' });
    const publicBefore = JSON.stringify(await getPublicCase((await getPublicPetition(slug))!.caseSlug));
    expect(await edit(petitionId, { title: 'An unreviewed title', body: 'An unreviewed text.', target: 'An unreviewed target', goal: '5000' })).toMatchObject({
      ok: true,
      value: { publication: 'pending' },
    });
    const shown = await getPublicPetition(slug);
    expect(shown).toMatchObject({ title: 'Let them go', body: 'The reviewed text.', target: 'President Xi Jinping', goal: 5000 });
    expect((await listOpenPetitions(100)).find((item) => item.slug === slug)).toMatchObject({ title: 'Let them go', target: 'President Xi Jinping' });
    expect(JSON.stringify(await getPublicCase(shown!.caseSlug))).toBe(publicBefore);
    expect(await stateOf(petitionId)).toMatchObject({ state: 'pendingApproval', publicTitle: 'Let them go' });
    await approve(caseId);
    expect(await getPublicPetition(slug)).toMatchObject({ title: 'An unreviewed title', body: 'An unreviewed text.', target: 'An unreviewed target' });
    expect((await getPublicCase(shown!.caseSlug))?.petitions).toEqual([{ slug, title: 'An unreviewed title', body: 'An unreviewed text.', target: 'An unreviewed target' }]);
  });

  it('an edit after the review began: approving what was reviewed is refused, and the public keeps the old text', async () => {
    const { petitionId, caseId, slug } = await consentedPetition({ title: 'Original title' });
    await edit(petitionId, { title: 'Reviewed title' });
    const reviewed = await pendingReviewOf(caseId);
    await edit(petitionId, { title: 'Swapped in after the review began' });
    expect(await approvePublication(reviewer, reviewed)).toEqual({ ok: false, fieldErrors: { requestId: 'changedSinceReview' } });
    expect(await getPublicPetition(slug)).toMatchObject({ title: 'Original title' });
  });

  it('a public petition keeps its address and cannot go back to draft; a draft may change both', async () => {
    const { petitionId, slug } = await consentedPetition();
    expect(await edit(petitionId, { slug: `${slug}-moved` })).toEqual({ ok: false, fieldErrors: { slug: 'slugFixedOncePublic' } });
    expect(await edit(petitionId, { status: 'draft' })).toEqual({ ok: false, fieldErrors: { status: 'petitionAlreadyPublic' } });
    expect(await getPublicPetition(slug)).not.toBeNull();
    const draft = await consentedPetition({ status: 'draft' });
    expect(await edit(draft.petitionId, { slug: `${draft.slug}-moved` })).toMatchObject({ ok: true, value: { publication: null } });
  });

  it('a signer’s confirmation page shows the published title, never an unreviewed one', async () => {
    const { petitionId, slug } = await consentedPetition({ title: 'The published title' });
    await edit(petitionId, { title: 'An unreviewed title' });
    const { signPetition } = await import('./sign-petition');
    const { confirmationTokenFor } = await import('./test-fixtures');
    const { forgetSigningPetitions } = await import('./find-signing-petition');
    forgetSigningPetitions();
    expect(await signPetition(slug, { name: 'Min-ji Kim', email: 'gate-signer@example.org', country: 'KR' }, { ip: '198.51.100.7', origin: 'https://vigil.test' })).toEqual({ kind: 'accepted' });
    const token = await confirmationTokenFor(db(), 'gate-signer@example.org');
    expect((await getConfirmation(token!)).petition).toEqual({ slug, title: 'The published title' });
  });

  it('a review turned down or withdrawn: the organizer asks again, and the state says so', async () => {
    const { petitionId, caseId } = await consentedPetition({ status: 'draft' });
    await edit(petitionId, { status: 'open' });
    const { rejectPublication } = await import('@/lib/cases/reject-publication');
    const { requestId } = await pendingReviewOf(caseId);
    expect(await rejectPublication(reviewer, { requestId, reason: 'Name the embassy, not the president.' })).toMatchObject({ ok: true });
    expect(await stateOf(petitionId)).toMatchObject({ state: 'notRequested', rejectionReason: 'Name the embassy, not the president.' });
    expect(await requestPetitionPublication(organizer, { petitionId })).toMatchObject({ ok: true, value: { publication: 'pending' } });
    expect(await stateOf(petitionId)).toMatchObject({ state: 'pendingApproval' });
    expect(await requestPetitionPublication(organizer, { petitionId: (await consentedPetition()).petitionId })).toEqual({
      ok: false,
      fieldErrors: { petitionId: 'nothingToPublish' },
    });
  });

  it('upgrading: the text of petitions already public joins their snapshots, and nothing public changes', async () => {
    const { petitionId, caseId, slug } = await consentedPetition({ title: 'Public before the upgrade' });
    const [current] = await db().select().from(publicSnapshots).where(eq(publicSnapshots.caseId, caseId));
    const caseSlug = (await getPublicPetition(slug))!.caseSlug;
    const before = await getPublicCase(caseSlug);
    // A snapshot as written before petition text was published: no petitions in it.
    const oldContent: Record<string, unknown> = { ...(current!.content as Record<string, unknown>) };
    delete oldContent.petitions;
    const [old] = await db()
      .insert(publicSnapshots)
      .values({ ...current!, id: undefined, version: current!.version + 1, content: oldContent, createdAt: undefined })
      .returning({ id: publicSnapshots.id });
    const { cases } = await import('@/db/schema');
    await db().update(cases).set({ publicSnapshotId: old!.id }).where(eq(cases.id, caseId));
    expect(await getPublicPetition(slug)).toBeNull();
    await db().transaction((tx) => publishPetitionTextsAsTheyStand(tx, undefined, [caseId]));
    expect(await getPublicPetition(slug)).toMatchObject({ title: 'Public before the upgrade' });
    expect(await getPublicCase(caseSlug)).toEqual(before);
    expect(await stateOf(petitionId)).toMatchObject({ state: 'published' });
  });
});
