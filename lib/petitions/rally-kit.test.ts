import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { getRallyKit } from './get-rally-kit';
import { createTestPetition } from './test-fixtures';

const SITE = 'https://vigil.example.org';
const TITLE = 'Let the mother and her son go: 어머니와 아들을 보내 주십시오';

/** The text a reader of the PDF gets, by poppler's pdftotext (the same tool a print shop's check would use). */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}
const squeeze = (text: string) => text.replace(/\s+/g, '');

beforeAll(() => {
  vi.stubEnv('NEXTAUTH_URL', `${SITE}/`);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describeEachEngine('the rally kit', ({ db }) => {
  it('prints the petition’s title, whom it asks, and the address its QR code holds, on A4 and A6, in English, Korean and Chinese', async () => {
    const { session: organizer } = await sessionForRole('organizer');
    const { petitionId, slug } = await createTestPetition(db(), { title: TITLE, target: '中华人民共和国驻大韩民国大使馆' });
    const media = { a4: '/MediaBox [0 0 595.28 841.89]', a6: '/MediaBox [0 0 297.64 419.53]' };
    for (const paper of ['a4', 'a6'] as const) {
      for (const language of ['en', 'ko', 'zh'] as const) {
        const result = await getRallyKit(organizer, { petitionId, paper, language });
        if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
        const { fileName, contentType, body } = result.value;
        expect(fileName).toBe(`${slug}-${paper === 'a6' ? 'flyer' : 'poster'}-${paper}-${language}.pdf`);
        expect(contentType).toBe('application/pdf');
        const pdf = Buffer.from(body);
        expect(pdf.toString('latin1')).toContain(media[paper]);
        const text = pdfText(pdf);
        const prefix = language === 'en' ? '' : `/${language}`;
        const url = `${SITE}${prefix}/petitions/${slug}`;
        // The address is written out whole, on a line of its own: what the QR code holds, for typing.
        expect(text.split('\n').map((line) => line.trim()), `${paper} ${language}`).toContain(url);
        expect(squeeze(text)).toContain(squeeze(`vigil.example.org${prefix}/p/${slug}`));
        expect(squeeze(text)).toContain(squeeze(TITLE));
        expect(squeeze(text)).toContain('中华人民共和国驻大韩民国大使馆');
        expect(squeeze(text)).toContain({ en: 'Signthepetition', ko: '청원에서명해주세요', zh: '请签署请愿' }[language]);
        expect(text.match(/\f/g)?.length ?? 0, 'one page').toBeLessThanOrEqual(1);
      }
    }
  });

  it('is refused for a petition the public cannot reach: its QR code would lead nowhere', async () => {
    const { session: organizer } = await sessionForRole('organizer');
    const { petitionId } = await createTestPetition(db(), { status: 'draft' });
    expect(await getRallyKit(organizer, { petitionId, paper: 'a4', language: 'en' })).toEqual({ ok: false, fieldErrors: { petitionId: 'petitionNotPublic' } });
  });
});
