import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { SEED_TARGETS } from '@/db/seed-targets';
import type { PrintableLetter } from './printable-letter';
import { renderAddressLabels } from './render-address-labels';
import { renderLettersDocx } from './render-letters-docx';
import { renderLettersPdf } from './render-letters-pdf';

const KOREAN = '중국 동북부에서 체포된 이 씨의 강제송환을 멈추어 주십시오.';
const CHINESE = '我们恳请贵国政府停止强制遣返。';

function letterFor(target: (typeof SEED_TARGETS)[number], index: number): PrintableLetter {
  const language = (['en', 'ko', 'zh'] as const)[index % 3]!;
  return {
    language,
    senderName: 'Kim Min-ji',
    senderOrganisation: 'Seoul Families Support Group',
    dateLine: '29 November 2026',
    addressName: language === 'zh' && target.nameZh ? target.nameZh : target.nameEn,
    addressLines: target.addressLines.split('\n'),
    body: `Letter ${index + 1} of the batch.\n${KOREAN}\n${CHINESE}\n<script>alert(1)</script>`,
  };
}

const pageTexts = async (pdf: Buffer) => {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(document, { mergePages: false });
  return { totalPages, text: text.map((page) => page.replace(/\s+/g, '')) };
};
const squeeze = (value: string) => value.replace(/\s+/g, '');

describe('the letters PDF', () => {
  const letters = SEED_TARGETS.map(letterFor);

  it('holds every target’s address, the Korean and the Chinese text, one letter per page', async () => {
    const { pdf, pagesPerLetter } = await renderLettersPdf(letters, 'a4');
    expect(pagesPerLetter).toEqual(letters.map(() => 1));
    const { totalPages, text } = await pageTexts(pdf);
    expect(totalPages).toBe(letters.length);
    letters.forEach((letter, index) => {
      const page = text[index]!;
      // Each page is its own letter: its number, and no other letter's.
      expect(page).toContain(`Letter${index + 1}ofthebatch.`);
      for (const line of letter.addressLines) expect(page).toContain(squeeze(line));
      expect(page).toContain(squeeze(letter.addressName));
      expect(page).toContain(squeeze(KOREAN));
      expect(page).toContain(squeeze(CHINESE));
      expect(page).toContain('<script>alert(1)</script>');
    });
  });

  it('embeds its fonts and uses none of the standard ones', async () => {
    const { pdf } = await renderLettersPdf(letters.slice(0, 3), 'letter');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile[23]?\b/);
    expect(raw).toMatch(/NotoSansKR/);
    expect(raw).toMatch(/NotoSansHans|NotoSansSC/);
    expect(raw).not.toMatch(/\/BaseFont\s*\/Helvetica/);
    expect(raw).toContain('/MediaBox [0 0 612 792]');
  });

  it('says when a letter runs past one page', async () => {
    const long = { ...letters[0]!, body: Array.from({ length: 80 }, (_, line) => `Paragraph ${line}`).join('\n') };
    const { pagesPerLetter } = await renderLettersPdf([long, letters[1]!], 'a4');
    expect(pagesPerLetter[0]).toBeGreaterThan(1);
    expect(pagesPerLetter[1]).toBe(1);
  });

  it('prints address labels with every address, Korean and Chinese included', async () => {
    const { text } = await pageTexts(await renderAddressLabels(letters, 'a4'));
    const all = text.join('');
    for (const letter of letters) for (const line of letter.addressLines) expect(all).toContain(squeeze(line));
  });

  it('writes a DOCX with one section per letter and the text escaped', async () => {
    const docx = await renderLettersDocx(letters.slice(0, 3), 'a4');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain(KOREAN);
    expect(xml).toContain('서울특별시 중구 명동2길 27');
  });
});
