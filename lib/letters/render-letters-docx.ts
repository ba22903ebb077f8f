/** Letters as one DOCX for editing: one section (so one page start) per letter, text as plain runs. */
import 'server-only';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { PrintableLetter } from './printable-letter';
import type { PaperSize } from './vocabulary';
import { BRAND_NAME } from '@/lib/brand';

// Twentieths of a point: A4 is 11906 × 16838, US Letter 12240 × 15840; margins about 22 mm.
const PAGE = { a4: { width: 11906, height: 16838 }, letter: { width: 12240, height: 15840 } } as const;
const FONT = { en: 'Noto Sans KR', ko: 'Noto Sans KR', zh: 'Noto Sans SC' } as const;

function paragraph(text: string, font: string, options: { right?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { after: options.after ?? 0 },
    children: [new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size: 21 })],
  });
}

export async function renderLettersDocx(letters: PrintableLetter[], paper: PaperSize): Promise<Buffer> {
  const document = new Document({
    creator: BRAND_NAME,
    title: 'Letters',
    sections: letters.map((letter) => {
      const font = FONT[letter.language];
      return {
        properties: { page: { size: PAGE[paper], margin: { top: 1250, bottom: 1250, left: 1250, right: 1250 } } },
        children: [
          paragraph(letter.senderName, font, { right: true }),
          paragraph(letter.senderOrganisation, font, { right: true, after: 200 }),
          paragraph(letter.dateLine, font, { right: true, after: 400 }),
          ...[letter.addressName, ...letter.addressLines].map((line) => paragraph(line, font)),
          paragraph('', font, { after: 400 }),
          ...letter.body.split('\n').map((line) => paragraph(line, font, { after: 60 })),
          paragraph('', font, { after: 600 }),
          paragraph('______________________________', font),
          paragraph(letter.senderName, font),
          paragraph(letter.senderOrganisation, font),
        ],
      };
    }),
  });
  return Packer.toBuffer(document);
}
