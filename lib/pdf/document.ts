/**
 * PDF documents set in Vigil's embedded fonts (fonts.ts): opening a document with the fonts loaded,
 * and writing a paragraph that switches font run by run. Letters, labels, dossiers and posters use it.
 */
import 'server-only';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { fontRuns, FONT_FILES, type LetterFont, letterFontData } from './fonts';
import type { PaperSize } from './paper';

export { PAPER_SIZES, type PaperSize } from './paper';

const PAPER = { a4: 'A4', letter: 'LETTER' } as const;
export const PAGE_MARGIN = 64;

export type PdfDoc = InstanceType<typeof PDFDocument>;

function fontPath(font: LetterFont): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), FONT_FILES[font]);
}

/** Writes one paragraph, switching fonts character run by character run; wraps within the margins. */
export function writeParagraph(
  doc: PdfDoc,
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

export function openPdfDocument(paper: PaperSize, title: string): { doc: PdfDoc; has: (font: LetterFont, codePoint: number) => boolean; done: Promise<Buffer> } {
  letterFontData();
  const doc = new PDFDocument({
    size: PAPER[paper],
    margin: PAGE_MARGIN,
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

