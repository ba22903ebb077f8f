import { desc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { DEMO_CASE_SLUG, seedDemoData } from '@/db/seed';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { valueOf } from '@/lib/operations/testing';
import { recordHash } from './dossier';
import { exportDossier } from './export-dossier';
import { listCases } from './list-cases';
import { renderDossierPdf } from './render-dossier-pdf';
import { updatePerson } from './update-person';

describeEachEngine(
  'dossier export',
  ({ db }) => {
    it('carries every event with its sources, the history and a checkable hash per record, and is audited', async () => {
      const { session } = await sessionForRole('advocate', { internalAccess: true });
      const caseId = (await valueOf(listCases(session, { q: DEMO_CASE_SLUG }))).cases[0]!.id;
      const wife = (await db().query.casePeople.findFirst({ where: (person, { eq: equals }) => equals(person.publicAlias, 'Mrs. Lee') }))!;
      await updatePerson(session, {
        caseId,
        personId: wife.id,
        publicAlias: 'Mrs. Lee',
        legalName: '김영희',
        relation: 'wife',
        custodyStatus: 'holding_centre',
        custodyPlace: '신의주',
        custodyAsOfPrecision: 'month',
        custodyAsOf: '2017-12-01',
      });

      const { dossier } = await valueOf(exportDossier(session, { caseId, format: 'json' }));
      expect(dossier.events).toHaveLength(8);
      const internal = dossier.events.find((event) => event.record.visibility === 'internal')!;
      expect(internal.record.internalNotes).toContain('Do not publish');
      expect(dossier.sources.map((source) => source.record.name)).toContain('Contact S-17 (Sinuiju border guard family)');
      expect(dossier.history.map((version) => version.record.changeKind)).toContain('updated');
      const reread = JSON.parse(JSON.stringify(dossier)) as typeof dossier;
      for (const entry of [reread.case, ...reread.people, ...reread.events, ...reread.sources, ...reread.history]) {
        expect(recordHash(entry.record)).toBe(entry.sha256);
      }
      const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'cases.exportDossier')).orderBy(desc(auditLog.id)).limit(1);
      expect(audit).toMatchObject({ entityId: caseId, actorEmail: session.email });

      const pdf = await renderDossierPdf(dossier);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // Korean text is set in the embedded Noto Sans KR font.
      expect(pdf.toString('latin1')).toMatch(/NotoSansKR/);
    });

    it('refuses a malformed case id at its field, and names a missing case as missing', async () => {
      const { session } = await sessionForRole('admin');
      expect(await exportDossier(session, { caseId: 'not-a-uuid', format: 'json' })).toEqual({ ok: false, fieldErrors: { caseId: 'recordInvalid' } });
      expect(await exportDossier(session, { caseId: '00000000-0000-4000-8000-000000000000', format: 'pdf' })).toMatchObject({ ok: false, missing: true });
    });
  },
  seedDemoData,
);
