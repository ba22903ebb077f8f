import { extractText, getDocumentProxy } from 'unpdf';
import { count, eq } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { auditLog, letters, letterTargets, letterTemplates, timelineEvents } from '@/db/schema';
import { DEMO_CASE_SLUG, seedDemoData } from '@/db/seed';
import { SEED_TARGETS } from '@/db/seed-targets';
import { describeEachEngine } from '@/db/testing';
import { ForbiddenError } from '@/lib/auth/permissions';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { pendingReviewOf } from '@/lib/cases/test-fixtures';
import { approvePublication } from '@/lib/cases/approve-publication';
import { getPublicCase } from '@/lib/cases/get-public-case';
import { valueOf } from '@/lib/operations/testing';
import { exportTargets } from '@/lib/targets/export-targets';
import { importTargets } from '@/lib/targets/import-targets';
import { createTarget } from '@/lib/targets/create-target';
import { targetForm } from './test-fixtures';
import { createTemplate } from './create-template';
import { generateLetterBatch, letterHash } from './generate-letter-batch';
import { getBatchDocument } from './get-batch-document';
import { listLetters } from './list-letters';
import type { TargetSnapshot } from './printable-letter';
import { trackLetter } from './track-letter';
import { updateTemplate } from './update-template';
import { MERGE_FIELDS } from './template-language';

// Every internal detail of the demo case (db/seed.ts): none may ever reach a letter.
const INTERNAL = ['home county', 'daily medication', 'S-17', 'H-4', 'Broker D', 'Dandong', 'held apart from his mother', 'relatives after the handover', 'church in Seoul'];
const everyField = MERGE_FIELDS.map((field) => `${field}: {{${field}}}`).join('\n');

describeEachEngine(
  'embassy letters',
  ({ db }) => {
    const organizer = () => sessionForRole('organizer');
    const targetId = async (key: string) => (await db().select({ id: letterTargets.id }).from(letterTargets).where(eq(letterTargets.key, key)))[0]!.id;
    const templateCount = async () => (await db().select({ n: count() }).from(letterTemplates))[0]!.n;

    it('seeds the directory with verified, sourced entries and no personal names', async () => {
      const rows = await db().select().from(letterTargets);
      expect(rows.map((row) => row.key).sort()).toEqual(SEED_TARGETS.map((target) => target.key).sort());
      for (const row of rows) {
        expect(row.sourceUrl, row.key).toMatch(/^https:\/\//);
        expect(row.verifiedOn, row.key).toBe('2026-11-29');
        expect(row.addressLines.length, row.key).toBeGreaterThan(5);
        expect(row.headTitle, row.key).not.toMatch(/\b(Xing|Wu|Xie|Wang|Xiao|Deng|Zheng)\b/);
      }
      const chineseEmbassies = rows.filter((row) => row.kind === 'embassy' && row.representsCountry === 'CN').map((row) => row.city).sort();
      expect(chineseEmbassies).toEqual(['Berlin', 'Canberra', 'London', 'Ottawa', 'Paris', 'Seoul', 'Tokyo', 'Washington']);
    });

    it('refuses a template with a misspelt field, naming it and where it is, and saves nothing', async () => {
      const { session } = await organizer();
      const before = await templateCount();
      const result = await createTemplate(session, { caseSlug: DEMO_CASE_SLUG, name: 'Bad', language: 'en', body: 'Dear {{target.salutation}}\nAbout {{person.alais}}.' });
      // The zod schema refuses it at the body before the database is touched, naming field, line and column.
      expect(result).toEqual({ ok: false, fieldErrors: { body: 'templateProblem:unknownField:2:7:person.alais' } });
      expect(await templateCount()).toBe(before);
    });

    it('refuses a template for a case the public cannot see', async () => {
      const { session } = await organizer();
      const result = await createTemplate(session, { caseSlug: 'fictional-quiet-case', name: 'Quiet', language: 'en', body: '{{case.title}}' });
      expect(result).toEqual({ ok: false, fieldErrors: { caseSlug: 'caseNotPublic' } });
    });

    it('generates a batch for three embassies from public data only, stores each letter with its hash, and prints every address', async () => {
      const { session } = await organizer();
      const created = await createTemplate(session, { caseSlug: DEMO_CASE_SLUG, name: 'Every field', language: 'ko', body: `{{target.salutation}}\n\n${everyField}\n<script>alert(1)</script>` });
      expect(created.ok).toBe(true);
      const templateId = created.ok ? created.value.templateId : '';
      const updated = await updateTemplate(session, { templateId, caseSlug: DEMO_CASE_SLUG, name: 'Every field', language: 'ko', body: `{{target.salutation}}\n\n${everyField}\n<script>alert(1)</script>\n이 씨를 석방해 주십시오.` });
      expect(updated).toMatchObject({ ok: true, value: { version: 2 } });

      const picked: string[] = [];
      for (const key of ['cn-embassy-kr', 'cn-embassy-jp', 'cn-embassy-ca']) picked.push(await targetId(key));
      // The letters are dated the day they are generated: fix the clock (only Date) to know it.
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T10:00:00Z') });
      const batch = await generateLetterBatch(session, { templateId, selection: 'picked', targetIds: picked.join(','), paper: 'a4', senderName: 'Kim Min-ji', senderOrganisation: 'Seoul Families' }).finally(() => vi.useRealTimers());
      expect(batch).toMatchObject({ ok: true, value: { letterCount: 3, overflowing: [] } });
      const batchId = batch.ok ? batch.value.batchId : '';

      const stored = await db().select().from(letters).where(eq(letters.batchId, batchId));
      expect(stored).toHaveLength(3);
      for (const letter of stored) {
        expect(letter.templateVersion).toBe(2);
        expect(letter.sha256).toBe(letterHash(letter.renderedText, letter.targetSnapshot as TargetSnapshot));
        expect(letter.renderedText).toContain('person.alias: Mrs. Lee');
        expect(letter.renderedText).toContain('person.status: 보위부(국가보위성) 조사 중');
        expect(letter.renderedText).toContain('today: 2026년 11월 29일');
        expect(letter.renderedText).toContain('<script>alert(1)</script>');
        for (const secret of INTERNAL) expect(letter.renderedText).not.toContain(secret);
      }
      const seoul = stored.find((letter) => (letter.targetSnapshot as TargetSnapshot).key === 'cn-embassy-kr')!;
      expect(seoul.renderedText.startsWith('대사님께')).toBe(true);
      expect(seoul.renderedText).toContain('target.name: 주 대한민국 중화인민공화국대사관');

      const pdf = await valueOf(getBatchDocument(session, { batchId, format: 'pdf' }));
      expect(pdf?.contentType).toBe('application/pdf');
      const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf!.body)), { mergePages: false });
      expect(totalPages).toBe(3);
      const pages = text.map((page) => page.replace(/\s+/g, ''));
      for (const key of ['cn-embassy-kr', 'cn-embassy-jp', 'cn-embassy-ca']) {
        const target = SEED_TARGETS.find((candidate) => candidate.key === key)!;
        const lines = target.addressLines.split('\n').map((line) => line.replace(/\s+/g, ''));
        expect(pages.filter((page) => lines.every((line) => page.includes(line)))).toHaveLength(1);
      }
      expect(pages.every((page) => page.includes('이씨를석방해주십시오.'))).toBe(true);
      expect((await valueOf(getBatchDocument(session, { batchId, format: 'docx' }))).body.subarray(0, 2).toString()).toBe('PK');
      expect((await valueOf(getBatchDocument(session, { batchId, format: 'labels' }))).contentType).toBe('application/pdf');

      const audits = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, batchId));
      expect(audits.map((row) => row.action)).toEqual(['letters.generate']);
    });

    it('chooses targets by kind or by host country, active ones only', async () => {
      const { session } = await organizer();
      const created = await createTemplate(session, { caseSlug: DEMO_CASE_SLUG, name: 'Short', language: 'zh', body: '{{target.salutation}}\n请释放{{person.alias}}。' });
      const templateId = created.ok ? created.value.templateId : '';
      await db().update(letterTargets).set({ status: 'moved' }).where(eq(letterTargets.key, 'un-sr-dprk'));
      const byCountry = await generateLetterBatch(session, { templateId, selection: 'country', hostCountry: 'kr', senderName: 'A' });
      const byKind = await generateLetterBatch(session, { templateId, selection: 'kind', kind: 'un_mandate', senderName: 'A' });
      await db().update(letterTargets).set({ status: 'active' }).where(eq(letterTargets.key, 'un-sr-dprk'));
      const keysOf = async (result: typeof byCountry) => {
        const rows = await db().select({ target: letters.targetSnapshot, text: letters.renderedText }).from(letters).where(eq(letters.batchId, result.ok ? result.value.batchId : ''));
        return rows.map((row) => (row.target as TargetSnapshot).key).sort();
      };
      expect(await keysOf(byCountry)).toEqual(['cn-embassy-kr', 'kr-mofa']);
      expect(await keysOf(byKind)).toEqual(['un-ohchr-special-procedures']);
      expect(await generateLetterBatch(session, { templateId, selection: 'country', hostCountry: 'NZ', senderName: 'A' })).toEqual({ ok: false, fieldErrors: { selection: 'noTargets' } });
    });

    it('tracks a letter to a reply, puts the reply on the public timeline and keeps the note private', async () => {
      const { session } = await organizer();
      const desk = await valueOf(listLetters(session, {}));
      const letter = desk.batches.flatMap((batch) => batch.letters).find((row) => row.targetKey === 'cn-embassy-ca')!;
      expect(await trackLetter(session, { letterId: letter.id, status: 'replied', on: '2026-12-01', note: 'x' })).toEqual({ ok: false, fieldErrors: { status: 'statusNotNext' } });
      expect(await trackLetter(session, { letterId: letter.id, status: 'sent', on: '2026-11-30', sentVia: 'post' })).toMatchObject({ ok: true });
      expect(await trackLetter(session, { letterId: letter.id, status: 'delivered', on: '2026-11-29' })).toEqual({ ok: false, fieldErrors: { on: 'beforeSent' } });
      const replied = await trackLetter(session, {
        letterId: letter.id,
        status: 'replied',
        on: '2026-12-10',
        note: 'Consular officer said the case is a domestic matter. Private: called from +1 613 555 0100.',
        addToTimeline: 'on',
        publicTitle: 'China’s embassy in Ottawa replied to our letter',
      });
      // The event goes through the case's publication gate: a second staff member must approve it.
      expect(replied).toMatchObject({ ok: true, value: { status: 'replied', publication: 'pending' } });
      const title = 'China’s embassy in Ottawa replied to our letter';
      expect((await getPublicCase(DEMO_CASE_SLUG))!.timeline.find((item) => item.title === title)).toBeUndefined();
      expect((await valueOf(listLetters(session, {}))).batches.flatMap((batch) => batch.letters).find((row) => row.id === letter.id)?.timeline).toBe('pending');
      const eventId = replied.ok ? replied.value.eventId! : '';
      const [onCase] = await db().select({ caseId: timelineEvents.caseId }).from(timelineEvents).where(eq(timelineEvents.id, eventId));
      const reviewed = await pendingReviewOf(onCase!.caseId);
      // The organizer cannot approve it; an admin (or advocate) does, as the second staff member.
      await expect(approvePublication(session, reviewed)).rejects.toBeInstanceOf(ForbiddenError);
      const { session: admin } = await sessionForRole('admin');
      expect(await approvePublication(admin, reviewed)).toMatchObject({ ok: true });

      const publicCase = await getPublicCase(DEMO_CASE_SLUG);
      const event = publicCase!.timeline.find((item) => item.title === title);
      expect(event?.occurred).toEqual({ date: '2026-12-10', precision: 'day' });
      expect(JSON.stringify(publicCase)).not.toContain('555 0100');

      const after = await valueOf(listLetters(session, {}));
      const tracked = after.batches.flatMap((batch) => batch.letters).find((row) => row.id === letter.id)!;
      expect(tracked).toMatchObject({ status: 'replied', sentVia: 'post', sentOn: '2026-11-30', repliedOn: '2026-12-10', timeline: 'public' });
      const record = after.responses.find((row) => row.nameEn.includes('Canada'))!;
      expect(record).toMatchObject({ sent: 1, replied: 1, noReply: 0, lastRepliedOn: '2026-12-10' });
    });

    it('exports the directory as CSV and imports it back unchanged; a bad row names its line and column and changes nothing', async () => {
      const { session } = await organizer();
      const before = await db().select().from(letterTargets);
      const csv = String((await valueOf(exportTargets(session, {}))).body);
      expect(csv.split('\r\n')[0]).toBe('key,kind,name_en,name_local,name_zh,represents_country,host_country,city,address_lines,email,fax,phone,website,web_form_url,head_title,salutation_en,salutation_ko,salutation_zh,preferred_languages,source_url,source_notes,verified_on,status');
      expect(await importTargets(session, { csv })).toEqual({ ok: true, value: { created: 0, updated: before.length } });
      const strip = (rows: typeof before) => rows.map(({ updatedAt, ...row }) => (void updatedAt, row)).sort((a, b) => a.key.localeCompare(b.key));
      expect(strip(await db().select().from(letterTargets))).toEqual(strip(before));

      const lines = csv.trimEnd().split('\r\n');
      const broken = [lines[0], lines[1], lines[2]!.replace(/,(CN|KR),(?=[A-Z]{2},)/, ',China,')].join('\r\n');
      const result = await importTargets(session, { csv: broken });
      expect(result).toEqual({ ok: false, fieldErrors: { csv: 'csvProblem:invalid:3:represents_country:countryInvalid' } });
      expect(await importTargets(session, { csv: 'key,kind,colour\nx,embassy,red\n' })).toEqual({ ok: false, fieldErrors: { csv: 'csvProblem:unknownColumn:1:colour' } });
      expect(strip(await db().select().from(letterTargets))).toEqual(strip(before));
    });

    it('refuses a second target with the same key', async () => {
      const { session } = await organizer();
      expect(await createTarget(session, targetForm({ key: 'cn-embassy-kr' }))).toEqual({ ok: false, fieldErrors: { key: 'keyTaken' } });
    });
  },
  seedDemoData,
);
