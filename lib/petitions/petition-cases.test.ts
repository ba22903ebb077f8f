/**
 * Which cases a petition may be for, on both engines: only public campaigns, since a petition on a
 * quiet-advocacy or internal case would never be public; a campaign not published yet is offered,
 * marked as such. The server refuses the others whatever posts the form, and writes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog, cases, petitions } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { approvePublication } from '@/lib/cases/approve-publication';
import { requestPublication } from '@/lib/cases/request-publication';
import { pendingReviewOf, publishAsTheyStand } from '@/lib/cases/test-fixtures';
import { createPetition } from './create-petition';
import { getPetitionFigures } from './get-petition-figures';
import { listPetitions } from './list-petitions';
import { createTestPetition } from './test-fixtures';
import { updatePetition } from './update-petition';
import { valueOf } from '@/lib/operations/testing';

describeEachEngine('the cases a petition may be for', ({ db }) => {
  const caseOf = async (title: string, overrides: Partial<typeof cases.$inferInsert>) => {
    const [row] = await db()
      .insert(cases)
      .values({ slug: title.toLowerCase().replaceAll(' ', '-'), title, ...overrides })
      .returning({ id: cases.id });
    return row!.id;
  };
  const petitionFor = (caseId: string, slug: string) => ({ caseId, slug, title: 'Free them', target: 'President Xi Jinping', goal: '100' });

  it('offers public campaigns only, the published ones first and the others marked not yet public', async () => {
    const published = await caseOf('Zhang published campaign', { lifecycle: 'published', publicityMode: 'public_campaign', publishedAt: new Date() });
    const archived = await caseOf('Archived campaign', { lifecycle: 'archived', publicityMode: 'public_campaign', publishedAt: new Date() });
    const draft = await caseOf('A campaign still in draft', { lifecycle: 'draft', publicityMode: 'public_campaign' });
    const quiet = await caseOf('Quiet advocacy case', { lifecycle: 'published', publicityMode: 'quiet_advocacy' });
    const internal = await caseOf('Internal case', { lifecycle: 'draft', publicityMode: 'internal_only' });
    await publishAsTheyStand(published, archived, draft, quiet, internal);
    const { session } = await sessionForRole('organizer');
    const mine = [published, archived, draft, quiet, internal];
    const offered = (await valueOf(listPetitions(session, {}))).cases.filter((item) => mine.includes(item.id));
    expect(offered).toEqual([
      { id: archived, title: 'Archived campaign', isPublic: true },
      { id: published, title: 'Zhang published campaign', isPublic: true },
      { id: draft, title: 'A campaign still in draft', isPublic: false },
    ]);
  });

  it('refuses a petition on a case that is not a public campaign, at the case field, writing nothing', async () => {
    const { session } = await sessionForRole('organizer');
    for (const publicityMode of ['quiet_advocacy', 'internal_only'] as const) {
      const caseId = await caseOf(`Refused ${publicityMode}`, { lifecycle: 'published', publicityMode, familyConsentStatus: 'granted' });
      const auditRows = (await db().select({ id: auditLog.id }).from(auditLog)).length;
      expect(await createPetition(session, petitionFor(caseId, `refused-${publicityMode.replace('_', '-')}`))).toEqual({
        ok: false,
        fieldErrors: { caseId: 'caseNotPublicCampaign' },
      });
      expect(await db().select().from(petitions).where(eq(petitions.caseId, caseId))).toEqual([]);
      expect((await db().select({ id: auditLog.id }).from(auditLog)).length).toBe(auditRows);
    }
  });

  it('accepts a petition on a campaign not published yet: it stays a hidden draft', async () => {
    const { session } = await sessionForRole('organizer');
    const caseId = await caseOf('Unpublished campaign', { lifecycle: 'draft', publicityMode: 'public_campaign' });
    const created = await createPetition(session, petitionFor(caseId, 'for-an-unpublished-campaign'));
    expect(created).toMatchObject({ ok: true });
    const [row] = await db().select({ status: petitions.status }).from(petitions).where(eq(petitions.slug, 'for-an-unpublished-campaign'));
    expect(row).toEqual({ status: 'draft' });
    const audited = await db()
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'petitions.create'), eq(auditLog.entityId, (created as { value: { petitionId: string } }).value.petitionId)));
    expect(audited).toHaveLength(1);
  });

  it('never moves a petition to another case when it is edited', async () => {
    const { session } = await sessionForRole('organizer');
    const { petitionId, caseId, slug } = await createTestPetition(db());
    const quiet = await caseOf('Where it must not go', { lifecycle: 'published', publicityMode: 'quiet_advocacy' });
    const edit = { petitionId, slug, title: 'Free them now', target: 'President Xi Jinping', goal: '200', status: 'open', caseId: quiet };
    expect(await updatePetition(session, edit as Parameters<typeof updatePetition>[1])).toMatchObject({ ok: true });
    const [row] = await db().select({ caseId: petitions.caseId, title: petitions.title }).from(petitions).where(eq(petitions.id, petitionId));
    expect(row).toEqual({ caseId, title: 'Free them now' });
  });

  it('warns the console when the case of a petition is no longer public (switched to quiet advocacy)', async () => {
    const { session } = await sessionForRole('organizer');
    const { petitionId, caseId } = await createTestPetition(db());
    expect((await valueOf(getPetitionFigures(session, { petitionId }))).petition.casePublic).toBe(true);
    // Switched in the working copy: still public until the takedown is approved.
    await db().update(cases).set({ publicityMode: 'quiet_advocacy' }).where(eq(cases.id, caseId));
    expect((await valueOf(getPetitionFigures(session, { petitionId }))).petition.casePublic).toBe(true);
    const { session: advocate } = await sessionForRole('advocate');
    const { session: reviewer } = await sessionForRole('advocate');
    expect(await requestPublication(advocate, { caseId, note: 'Quiet advocacy from now on.' })).toMatchObject({ ok: true, value: { outcome: 'pending' } });
    expect(await approvePublication(reviewer, await pendingReviewOf(caseId))).toMatchObject({ ok: true });
    expect((await valueOf(getPetitionFigures(session, { petitionId }))).petition.casePublic).toBe(false);
  });
});
