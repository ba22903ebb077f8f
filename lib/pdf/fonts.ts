/**
 * The fonts letters are set in, embedded (subset) in every PDF: Noto Sans KR for Korean and Latin
 * text, Noto Sans SC for Chinese. Both ship in npm packages (@embedpdf/fonts-kr, @embedpdf/fonts-sc,
 * SIL Open Font License), so `npm install` is all a machine needs. Each character is set in the font
 * that has it, Chinese characters preferring the Chinese font.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

export const FONT_FILES = {
  kr: path.join('node_modules', '@embedpdf', 'fonts-kr', 'fonts', 'NotoSansKR-Regular.otf'),
  sc: path.join('node_modules', '@embedpdf', 'fonts-sc', 'fonts', 'NotoSansHans-Regular.otf'),
} as const;
export type LetterFont = keyof typeof FONT_FILES;

let loaded: Record<LetterFont, Buffer> | undefined;

/** The font files' bytes, read once per process. */
export function letterFontData(): Record<LetterFont, Buffer> {
  if (loaded) return loaded;
  const read = (font: LetterFont) => {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), FONT_FILES[font]);
    try {
      return fs.readFileSync(file);
    } catch {
      throw new Error(
        `The letter font ${FONT_FILES[font]} is missing: run "npm install" (it comes with @embedpdf/fonts-${font === 'kr' ? 'kr' : 'sc'}).`,
      );
    }
  };
  loaded = { kr: read('kr'), sc: read('sc') };
  return loaded;
}

let coverage: ((font: LetterFont, codePoint: number) => boolean) | undefined;

/**
 * Whether a font has a glyph for a code point. Text set in an image must only hold characters one of
 * the fonts has: a renderer that falls back to a web font (next/og does) would fetch it from a third party.
 */
export function letterFontCoverage(): (font: LetterFont, codePoint: number) => boolean {
  if (coverage) return coverage;
  const data = letterFontData();
  const fonts = { kr: fontkit.create(data.kr), sc: fontkit.create(data.sc) };
  const has = (font: LetterFont, codePoint: number) => {
    const face = fonts[font];
    return 'hasGlyphForCodePoint' in face && face.hasGlyphForCodePoint(codePoint);
  };
  coverage = has;
  return has;
}

const HAN = /[\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/** Splits text into runs that one font can set; `has` tells whether a font has a glyph for a code point. */
export function fontRuns(text: string, has: (font: LetterFont, codePoint: number) => boolean): { font: LetterFont; text: string }[] {
  const runs: { font: LetterFont; text: string }[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const preferred: LetterFont[] = HAN.test(character) ? ['sc', 'kr'] : ['kr', 'sc'];
    const font = preferred.find((candidate) => has(candidate, codePoint)) ?? 'kr';
    const last = runs[runs.length - 1];
    // Spaces and punctuation stay in the run they are in, so lines break as few times as possible.
    if (last && (last.font === font || (/[\s.,:;!?'"()\-]/.test(character) && has(last.font, codePoint)))) last.text += character;
    else runs.push({ font, text: character });
  }
  return runs;
}
