/**
 * The preview image link previews show (og:image, 1200×630 PNG), drawn with Next's ImageResponse in
 * the embedded Noto fonts the PDFs use (lib/pdf/fonts.ts), so Korean and Chinese need no web font.
 * It shows only what a card holds, and cards are built from public projections (preview-card.ts).
 */
import 'server-only';
import { ImageResponse } from 'next/og';
import { letterFontCoverage, letterFontData } from '@/lib/pdf/fonts';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH, type PreviewCard } from './preview-card';

/** Shared caches keep an image as long as the page it previews (lib/cache/public-cache.ts). */
export const PREVIEW_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=60';

type SatoriFont = { name: string; data: Buffer; weight: 400; style: 'normal' };
let fonts: SatoriFont[] | undefined;

// One array for the life of the process: satori keeps the parsed fonts per array, so each image after
// the first costs layout and drawing only, not parsing two 4 MB fonts again.
function previewFonts(): SatoriFont[] {
  if (fonts) return fonts;
  const data = letterFontData();
  fonts = [
    { name: 'Noto Sans KR', data: data.kr, weight: 400, style: 'normal' },
    { name: 'Noto Sans SC', data: data.sc, weight: 400, style: 'normal' },
  ];
  return fonts;
}

/**
 * The text with only characters one of the fonts has. next/og fetches a font from Google Fonts (and
 * emoji from a CDN) for any character its fonts lack: an emoji in a title would send it to a third party.
 */
export function drawableText(text: string): string {
  const has = letterFontCoverage();
  let kept = '';
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (/\s/.test(character)) kept += ' ';
    else if (has('kr', codePoint) || has('sc', codePoint)) kept += character;
  }
  return kept.replace(/ {2,}/g, ' ').trim();
}

const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;

/** Chinese text prefers the Chinese font; everything else (Korean, Latin, Hanja in Korean text) the Korean one. */
function fontFamilyFor(text: string): string {
  return HAN.test(text) && !HANGUL.test(text) ? '"Noto Sans SC", "Noto Sans KR"' : '"Noto Sans KR", "Noto Sans SC"';
}

function clip(text: string, length: number): string {
  const characters = [...text];
  return characters.length > length ? `${characters.slice(0, length - 1).join('').trimEnd()}…` : text;
}

function Line({ text, size, color, marginTop = 0 }: { text: string; size: number; color: string; marginTop?: number }) {
  const drawable = drawableText(text);
  if (!drawable) return null;
  return <div style={{ display: 'flex', fontFamily: fontFamilyFor(drawable), fontSize: size, color, marginTop, lineHeight: 1.25 }}>{drawable}</div>;
}

function Card({ card }: { card: PreviewCard }) {
  const percent = card.figure?.progress == null ? null : Math.max(0, Math.min(100, Math.round(card.figure.progress * 100)));
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', backgroundColor: '#fafaf9', padding: '56px 64px', borderTop: '16px solid #9a3412' }}>
      <Line text={card.kicker} size={30} color="#9a3412" />
      <Line text={clip(card.title, 90)} size={54} color="#1c1917" marginTop={12} />
      <div style={{ display: 'flex', flexDirection: 'column', marginTop: 20 }}>
        {card.lines.slice(0, 3).map((line, index) => (
          <Line key={index} text={clip(line, 70)} size={30} color="#44403c" marginTop={4} />
        ))}
      </div>
      <div style={{ display: 'flex', flexGrow: 1 }} />
      {card.figure ? (
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <Line text={card.figure.text} size={38} color="#1c1917" />
          {percent === null ? null : (
            <div style={{ display: 'flex', marginTop: 12, width: '100%', height: 20, backgroundColor: '#e7e5e4', borderRadius: 10 }}>
              {/* A sliver from the first signature, so a small count is not an empty bar. */}
              <div style={{ display: 'flex', width: `${Math.max(percent, card.figure.progress! > 0 ? 1 : 0)}%`, height: 20, backgroundColor: '#9a3412', borderRadius: 10 }} />
            </div>
          )}
        </div>
      ) : null}
      <Line text={clip(card.footer, 85)} size={24} color="#57534e" marginTop={18} />
    </div>
  );
}

/** The card as PNG bytes; a failure to draw is thrown here, not halfway through a response body. */
export async function renderPreviewPng(card: PreviewCard): Promise<Buffer> {
  const image = new ImageResponse(<Card card={card} />, { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, fonts: previewFonts() });
  return Buffer.from(await image.arrayBuffer());
}

/** The answer of a preview image route: the PNG, or 404 when there is nothing public to preview. */
export async function previewImageResponse(card: PreviewCard | null): Promise<Response> {
  if (!card) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  return new Response(new Uint8Array(await renderPreviewPng(card)), {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': PREVIEW_CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' },
  });
}
