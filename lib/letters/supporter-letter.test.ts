import { extractText, getDocumentProxy } from 'unpdf';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { supporterLetterCounts } from '@/db/schema';
import { DEMO_CASE_SLUG, seedDemoData } from '@/db/seed';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { createTemplate } from './create-template';
import { getSupporterLetterKit } from './get-supporter-letter-kit';
import { makeSupporterLetter } from './make-supporter-letter';

/** Every row of every table but the count, to show a supporter's letter leaves nothing else behind. */
async function everythingButTheCount(db: Database): Promise<string> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'supporter_letter_counts' order by 1`,
  )) as unknown as { rows: { table_name: string }[] };
  const parts: unknown[] = [];
  for (const { table_name: table } of tables.rows) {
    const result = (await db.execute(sql`select to_jsonb(t)::text as row from ${sql.identifier(table)} t`)) as unknown as { rows: { row: string }[] };
    parts.push([table, result.rows.map((r) => r.row).sort()]);
  }
  return JSON.stringify(parts);
}

describeEachEngine(
  'letters from supporters',
  ({ db }) => {
    it('offers the supporters’ template, the public values and China’s embassies, and nothing for a hidden case', async () => {
      const { session } = await sessionForRole('organizer');
      const created = await createTemplate(session, {
        caseSlug: DEMO_CASE_SLUG,
        name: 'Supporters',
        purpose: 'supporter',
        language: 'ko',
        body: '{{target.salutation}}\n{{person.alias}} 씨는 {{person.status}}입니다.',
      });
      expect(created.ok).toBe(true);
      expect(await createTemplate(session, { caseSlug: DEMO_CASE_SLUG, name: 'Second', purpose: 'supporter', language: 'ko', body: 'x' })).toEqual({
        ok: false,
        fieldErrors: { purpose: 'supporterTemplateExists' },
      });
      const kit = await getSupporterLetterKit(DEMO_CASE_SLUG);
      expect(kit?.templates.ko).toContain('{{person.alias}}');
      expect(kit?.values.ko).toMatchObject({ personAlias: 'Mrs. Lee', personStatus: '보위부(국가보위성) 조사 중' });
      expect(kit?.embassies.map((embassy) => embassy.hostCountry)).toEqual(['AU', 'CA', 'DE', 'FR', 'GB', 'JP', 'KR', 'US']);
      expect(JSON.stringify(kit)).not.toMatch(/medication|S-17|Dandong|home county/);
      expect(await getSupporterLetterKit('fictional-quiet-case')).toBeNull();
    });

    it('makes the PDF from the supporter’s own text and keeps only a count', async () => {
      const before = await everythingButTheCount(db());
      const body = '대사님께\n\n저는 이 가족을 걱정하는 한 시민입니다. 请释放她。\n<b>not markup</b>';
      const result = await makeSupporterLetter({ caseSlug: DEMO_CASE_SLUG, language: 'ko', hostCountry: 'KR', senderName: 'Supporter Name-XQ', body }, 'pdf');
      expect(result.ok).toBe(true);
      const pdf = result.ok ? result.value.pdf! : Buffer.alloc(0);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
      const squeezed = text.replace(/\s+/g, '');
      expect(squeezed).toContain('서울특별시중구명동2길27');
      expect(squeezed).toContain('저는이가족을걱정하는한시민입니다.请释放她。');
      expect(squeezed).toContain('<b>notmarkup</b>');
      expect(await makeSupporterLetter({ caseSlug: DEMO_CASE_SLUG, language: 'ko', hostCountry: 'KR', senderName: 'Another', body: 'Short' }, 'mail')).toEqual({ ok: true, value: { pdf: null } });

      expect(await everythingButTheCount(db())).toBe(before);
      expect(await everythingButTheCount(db())).not.toContain('Supporter Name-XQ');
      const [count] = await db().select().from(supporterLetterCounts);
      expect(count?.letterCount).toBe(2);
    });

    it('refuses a country without a verified embassy and a hidden case, counting nothing', async () => {
      expect(await makeSupporterLetter({ caseSlug: DEMO_CASE_SLUG, language: 'en', hostCountry: 'NZ', senderName: 'A', body: 'B' }, 'pdf')).toEqual({ ok: false, fieldErrors: { hostCountry: 'noTargets' } });
      expect(await makeSupporterLetter({ caseSlug: 'fictional-quiet-case', language: 'en', hostCountry: 'KR', senderName: 'A', body: 'B' }, 'pdf')).toEqual({ ok: false, fieldErrors: { caseSlug: 'caseNotPublic' } });
      expect(await makeSupporterLetter({ caseSlug: DEMO_CASE_SLUG, language: 'en', hostCountry: 'KR', senderName: '', body: 'B' }, 'pdf')).toEqual({ ok: false, fieldErrors: { senderName: 'required' } });
      const [count] = await db().select().from(supporterLetterCounts);
      expect(count?.letterCount).toBe(2);
    });
  },
  seedDemoData,
);
