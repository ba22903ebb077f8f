/**
 * PDF documents set in Vigil's embedded fonts (fonts.ts): opening a document with the fonts loaded,
 * and writing a paragraph that switches font run by run. Letters, labels, dossiers and posters use it.
 */
import 'server-only';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { fontRuns, FONT_FILES, type LetterFont, letterFontCoverage, letterFontData } from './fonts';
import { qrCodeModules } from '@/lib/format/qr-code';
import type { PaperSize, PosterSize } from './paper';
import { BRAND_NAME } from '@/lib/brand';

export { PAPER_SIZES, type PaperSize, POSTER_SIZES, type PosterSize } from './paper';

const PAPER = { a3: 'A3', a4: 'A4', a6: 'A6', letter: 'LETTER' } as const;
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
  options: { size: number; align?: 'left' | 'right' | 'center'; width?: number; x?: number; y?: number; gap?: number },
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

/** A QR code as filled squares (vector: sharp at any print size), `size` points wide from (x, y). */
export function drawQrCode(doc: PdfDoc, text: string, x: number, y: number, size: number): void {
  const code = qrCodeModules(text);
  const cell = size / code.size;
  doc.save().fillColor('black');
  for (let row = 0; row < code.size; row += 1) {
    for (let column = 0; column < code.size; column += 1) {
      if (code.isDark(row, column)) doc.rect(x + column * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

export function openPdfDocument(paper: PaperSize | PosterSize, title: string): { doc: PdfDoc; has: (font: LetterFont, codePoint: number) => boolean; done: Promise<Buffer> } {
  letterFontData();
  const doc = new PDFDocument({
    size: PAPER[paper],
    margin: PAGE_MARGIN,
    autoFirstPage: false,
    font: fontPath('kr'),
    info: { Title: title, Producer: BRAND_NAME, Creator: BRAND_NAME },
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // Which font has a glyph: one answer for the PDFs and the preview images (fonts.ts).
  const has = letterFontCoverage();
  return { doc, has, done };
}

