/**
 * Letters as one print-ready PDF: each letter starts on a new page with the sender block, the date,
 * the target's address block, the body (which opens with the salutation) and a signature line. Korean
 * and Chinese are set in embedded, subset Noto fonts (lib/pdf/fonts.ts). Text is drawn as text, never
 * interpreted: a "<script>" in a value prints as those characters.
 */
import 'server-only';
import { openPdfDocument, PAGE_MARGIN as MARGIN, type PaperSize, writeParagraph } from '@/lib/pdf/document';
import type { PrintableLetter } from './printable-letter';

const BODY_SIZE = 10.5;

export interface RenderedPdf {
  pdf: Buffer;
  /** Pages each letter took: 1 for every letter that fits on its page. */
  pagesPerLetter: number[];
}

export async function renderLettersPdf(letters: PrintableLetter[], paper: PaperSize, title = 'Letters'): Promise<RenderedPdf> {
  const { doc, has, done } = openPdfDocument(paper, title);
  const pagesPerLetter: number[] = [];
  let pageCount = 0;
  doc.on('pageAdded', () => {
    pageCount += 1;
  });
  for (const letter of letters) {
    const firstPage = pageCount + 1;
    doc.addPage();
    const width = doc.page.width - 2 * MARGIN;
    // Sender block, top right, and the date under it.
    const senderLines = [letter.senderName, letter.senderOrganisation].filter(Boolean);
    senderLines.forEach((line, index) =>
      writeParagraph(doc, line, has, { size: 10, align: 'right', width, x: MARGIN, y: index === 0 ? MARGIN : undefined }),
    );
    doc.moveDown(0.8);
    writeParagraph(doc, letter.dateLine, has, { size: 10, align: 'right', width });
    doc.moveDown(1.5);
    // The target's address block.
    for (const line of [letter.addressName, ...letter.addressLines]) writeParagraph(doc, line, has, { size: 10.5, width: width * 0.7, gap: 1 });
    doc.moveDown(2);
    // The body: the template's text, paragraphs as written.
    for (const paragraph of letter.body.split('\n')) writeParagraph(doc, paragraph, has, { size: BODY_SIZE, width, gap: 3 });
    // Signature line.
    doc.moveDown(2.5);
    writeParagraph(doc, '______________________________', has, { size: BODY_SIZE, width });
    writeParagraph(doc, letter.senderName, has, { size: BODY_SIZE, width });
    if (letter.senderOrganisation) writeParagraph(doc, letter.senderOrganisation, has, { size: BODY_SIZE, width });
    pagesPerLetter.push(pageCount - firstPage + 1);
  }
  doc.end();
  return { pdf: await done, pagesPerLetter };
}
