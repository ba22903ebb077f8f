/**
 * Input the database cannot take (a NUL or a lone surrogate in a title, 36 dashes for an id) is a field
 * error on both engines, with nothing written: it used to reach Postgres and end as a 500. (The petition
 * forms' schemas are checked in schemas.test.ts; the signing API in its route test.)
 */
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { cases } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import type { StaffSession } from '@/lib/auth/staff-session';
import { createCase } from '@/lib/cases/create-case';
import { exportDossier } from '@/lib/cases/export-dossier';
import { getCaseFile } from '@/lib/cases/get-case-file';
import { updateCase } from '@/lib/cases/update-case';

const DASHES = '-'.repeat(36);
const UNSTORABLE = ['Free them\u0000', 'Free \ud800them', '\udc00'];

describeEachEngine('input the database cannot store', ({ db }) => {
  let advocate: StaffSession;
  beforeAll(async () => {
    advocate = (await sessionForRole('advocate', { internalAccess: true })).session;
  });

  it('a case title with a NUL or a lone surrogate is a field error and no case', async () => {
    for (const [index, title] of UNSTORABLE.entries()) {
      const slug = `unstorable-case-${index}`;
      const form = { slug, title, publicSummary: 'Summary', urgency: 'high', lifecycle: 'draft', publicityMode: 'quiet_advocacy', familyConsentStatus: 'not_asked' };
      expect(await createCase.fromUntrusted(advocate, form)).toEqual({ ok: false, fieldErrors: { title: 'textInvalid' } });
      expect(await db().select().from(cases).where(eq(cases.slug, slug))).toEqual([]);
    }
  });

  it('an edited case title with a NUL or a lone surrogate is a field error, and the case keeps its title', async () => {
    const form = { slug: 'unstorable-edit', title: 'Kept title', publicSummary: 'Summary', urgency: 'high', lifecycle: 'draft', publicityMode: 'quiet_advocacy', familyConsentStatus: 'not_asked' };
    const created = await createCase.fromUntrusted(advocate, form);
    const caseId = created.ok ? created.value.caseId : '';
    for (const title of UNSTORABLE) {
      expect(await updateCase.fromUntrusted(advocate, { ...form, caseId, title })).toEqual({ ok: false, fieldErrors: { title: 'textInvalid' } });
      expect(await updateCase.fromUntrusted(advocate, { ...form, caseId, internalNotes: title })).toEqual({ ok: false, fieldErrors: { internalNotes: 'textInvalid' } });
    }
    const [kept] = await db().select({ title: cases.title, internalNotes: cases.internalNotes }).from(cases).where(eq(cases.id, caseId));
    expect(kept).toEqual({ title: 'Kept title', internalNotes: '' });
  });

  it('36 dashes for a case id is a field error, never a query', async () => {
    expect(await getCaseFile(advocate, { caseId: DASHES })).toEqual({ ok: false, fieldErrors: { caseId: 'recordInvalid' } });
    expect(await exportDossier.fromUntrusted(advocate, { caseId: DASHES, format: 'json' })).toEqual({ ok: false, fieldErrors: { caseId: 'recordInvalid' } });
  });
});
