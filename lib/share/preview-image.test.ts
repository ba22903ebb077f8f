import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { describeEachEngine } from '@/db/testing';
import { DEMO_CASE_SLUG, seedDemoData } from '@/db/seed';
import { getPublicCase } from '@/lib/cases/get-public-case';
import { getCasePetition } from '@/lib/petitions/get-public-petition';
import { getPetitionCount } from '@/lib/petitions/get-petition-count';
import { casePreviewCard, PREVIEW_HEIGHT, PREVIEW_WIDTH, type PreviewCard } from './preview-card';
import { drawableText, renderPreviewPng } from './preview-image';

/** Width and height from the PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

let fetches: string[] = [];
beforeEach(() => {
  fetches = [];
  // next/og fetches a web font for any character its fonts lack: no image may ever need one.
  // (Its own WebAssembly is read from a data: URL, which stays on this machine.)
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith('data:')) return realFetch(input, init);
    fetches.push(url);
    throw new Error('no network in preview images');
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const card = (title: string): PreviewCard => ({ kicker: 'Vigil', title, lines: [], figure: null, footer: '' });

it('draws Korean text in the embedded font: two Korean titles make two different images', async () => {
  const [kim, lee, blank] = await Promise.all([renderPreviewPng(card('김씨 가족')), renderPreviewPng(card('이씨 가족')), renderPreviewPng(card(''))]);
  // Characters a renderer lacks all come out as the same empty box (or nothing): distinct syllables
  // drawing distinct pixels means their glyphs came from a font that has them.
  expect(kim.equals(lee)).toBe(false);
  expect(kim.equals(blank)).toBe(false);
  expect(fetches).toEqual([]);
});

it('leaves out characters none of the fonts has, so no web font is ever fetched', async () => {
  expect(drawableText('구해 주세요 🙏 救救他们')).toBe('구해 주세요 救救他们');
  const png = await renderPreviewPng(card('구해 주세요 🙏 救救他们'));
  expect(pngSize(png)).toEqual({ width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT });
  expect(fetches).toEqual([]);
});

describeEachEngine(
  'the demo case’s preview image',
  () => {
    it('is a 1200×630 PNG with the people’s status and the count, in Korean', async () => {
      const publicCase = (await getPublicCase(DEMO_CASE_SLUG))!;
      const petition = await getCasePetition(DEMO_CASE_SLUG);
      const count = await getPetitionCount(petition!.slug);
      const korean = casePreviewCard('ko', publicCase, petition, count);
      expect(korean.lines.join('\n')).toContain('보위부');
      expect(korean.figure?.text).toContain(`서명 ${count!.confirmed}명`);
      const png = await renderPreviewPng(korean);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      // The same card in English draws other pixels: the Korean words are in the image.
      expect(png.equals(await renderPreviewPng(casePreviewCard('en', publicCase, petition, count)))).toBe(false);
      expect(fetches).toEqual([]);
    });
  },
  seedDemoData,
);
