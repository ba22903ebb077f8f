/**
 * Address labels as a PDF: A4 sheets of 3 × 8 labels (70 × 37 mm, the common office format), or
 * US Letter sheets of 3 × 10 (2⅝ × 1 in). Names and addresses in embedded fonts, as on the letters.
 */
import 'server-only';
import { openPdfDocument, writeParagraph } from '@/lib/pdf/document';
import type { PrintableLetter } from './printable-letter';
import type { PaperSize } from './vocabulary';

const MM = 72 / 25.4;
const SHEETS = {
  a4: { columns: 3, rows: 8, width: 70 * MM, height: 37 * MM, left: 0, top: 4.5 * MM, size: 8 },
  letter: { columns: 3, rows: 10, width: 2.625 * 72, height: 72, left: 0.1875 * 72, top: 0.5 * 72, size: 7 },
} as const;

export async function renderAddressLabels(letters: PrintableLetter[], paper: PaperSize): Promise<Buffer> {
  const { doc, has, done } = openPdfDocument(paper, 'Address labels');
  const sheet = SHEETS[paper];
  const perPage = sheet.columns * sheet.rows;
  letters.forEach((letter, index) => {
    if (index % perPage === 0) doc.addPage({ margin: 0 });
    const slot = index % perPage;
    const x = sheet.left + (slot % sheet.columns) * sheet.width + 10;
    const y = sheet.top + Math.floor(slot / sheet.columns) * sheet.height + 8;
    const width = sheet.width - 20;
    [letter.addressName, ...letter.addressLines].forEach((line, lineIndex) =>
      writeParagraph(doc, line, has, { size: sheet.size, width, x: lineIndex === 0 ? x : undefined, y: lineIndex === 0 ? y : undefined, gap: 0 }),
    );
  });
  doc.end();
  return done;
}
