/**
 * Letters as one print-ready PDF: each letter starts on a new page with the sender block, the date,
 * the target's address block, the body (which opens with the salutation) and a signature line. Korean
 * and Chinese are set in embedded, subset Noto fonts (letter-fonts.ts). Text is drawn as text, never
 * interpreted: a "<script>" in a value prints as those characters.
 */
import 'server-only';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { fontRuns, FONT_FILES, type LetterFont, letterFontData } from './letter-fonts';
import type { PrintableLetter } from './printable-letter';
import type { PaperSize } from './vocabulary';

const PAPER = { a4: 'A4', letter: 'LETTER' } as const;
const MARGIN = 64;
const BODY_SIZE = 10.5;

export interface RenderedPdf {
  pdf: Buffer;
  /** Pages each letter took: 1 for every letter that fits on its page. */
  pagesPerLetter: number[];
}

type Doc = InstanceType<typeof PDFDocument>;

function fontPath(font: LetterFont): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), FONT_FILES[font]);
}

/** Writes one paragraph, switching fonts character run by character run; wraps within the margins. */
export function writeParagraph(
  doc: Doc,
  text: string,
  has: (font: LetterFont, codePoint: number) => boolean,
  options: { size: number; align?: 'left' | 'right'; width?: number; x?: number; y?: number; gap?: number },
): void {
  const runs = text === '' ? [{ font: 'kr' as LetterFont, text: ' ' }] : fontRuns(text, has);
  doc.fontSize(options.size);
  runs.forEach((run, index) => {
    doc.font(fontPath(run.font));
    const last = index === runs.length - 1;
    const common = { continued: !last, align: options.align ?? 'left', width: options.width, lineGap: options.gap ?? 2 };
    if (index === 0 && options.x !== undefined) doc.text(run.text, options.x, options.y, common);
    else doc.text(run.text, common);
  });
}

export function openLetterDocument(paper: PaperSize, title: string): { doc: Doc; has: (font: LetterFont, codePoint: number) => boolean; done: Promise<Buffer> } {
  letterFontData();
  const doc = new PDFDocument({
    size: PAPER[paper],
    margin: MARGIN,
    autoFirstPage: false,
    font: fontPath('kr'),
    info: { Title: title, Producer: 'Vigil', Creator: 'Vigil' },
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // fontkit objects of the two fonts, to ask which has a glyph (pdfkit caches them by path).
  const fonts = {
    kr: (doc.font(fontPath('kr')) as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font,
    sc: (doc.font(fontPath('sc')) as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font,
  };
  const has = (font: LetterFont, codePoint: number) => fonts[font].hasGlyphForCodePoint(codePoint);
  return { doc, has, done };
}

export async function renderLettersPdf(letters: PrintableLetter[], paper: PaperSize, title = 'Letters'): Promise<RenderedPdf> {
  const { doc, has, done } = openLetterDocument(paper, title);
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
