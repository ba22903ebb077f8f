/**
 * The rally kit: a poster (A4, A3) or a flyer (A6) for one petition, in any of the site's languages, with a QR
 * code to its public page, that address written out and a short link (/p/<slug>, next.config.js).
 * Only public text is printed: the petition's public projection and the message catalogs.
 */
import 'server-only';
import { createTranslator } from 'use-intl/core';
import { drawQrCode, openPdfDocument, type PosterSize, writeParagraph } from '@/lib/pdf/document';
import { messageCatalog } from '@/lib/i18n/catalogs';
import type { PublicPetition } from './public';
import type { SigningLocale } from './vocabulary';

export interface RallyPoster {
  petition: Pick<PublicPetition, 'title' | 'target' | 'caseTitle'>;
  /** The petition's public page in the poster's language: what the QR code holds. */
  url: string;
  /** The same page by its short address, without the scheme (for typing). */
  shortLink: string;
  language: SigningLocale;
  paper: PosterSize;
}

// Sizes are set for A4 and scaled with the paper's width: the A3 poster is the A4 one larger, the A6 flyer half.
const A4_WIDTH = 595.28;
const VIGIL_RED = '#9a3412';

export async function renderRallyPoster({ petition, url, shortLink, language, paper }: RallyPoster): Promise<Buffer> {
  const t = createTranslator({ locale: language, messages: { ...messageCatalog(language, 'public'), ...messageCatalog(language, 'petitions') } });
  const { doc, has, done } = openPdfDocument(paper, `${t('rallyKit.headline')}: ${petition.title}`);
  // No margins: every line is placed, and none may push onto a second page.
  doc.addPage({ size: paper.toUpperCase(), margin: 0 });
  const scale = doc.page.width / A4_WIDTH;
  const margin = 48 * scale;
  const width = doc.page.width - 2 * margin;

  // A band across the top with the call to act.
  const band = 96 * scale;
  doc.save().rect(0, 0, doc.page.width, band).fill(VIGIL_RED).restore();
  doc.fillColor('white');
  writeParagraph(doc, t('rallyKit.headline'), has, { size: 34 * scale, align: 'center', width, x: margin, y: 28 * scale });
  doc.fillColor('black');

  writeParagraph(doc, petition.title, has, { size: 26 * scale, align: 'center', width, x: margin, y: band + 28 * scale, gap: 4 * scale });
  doc.moveDown(0.4);
  writeParagraph(doc, t('petition.addressedTo', { target: petition.target }), has, { size: 15 * scale, align: 'center', width });
  doc.fillColor('#57534e');
  writeParagraph(doc, t('petition.aboutCase', { title: petition.caseTitle }), has, { size: 11 * scale, align: 'center', width });
  doc.fillColor('black');

  // The QR code, as large as the page leaves room for, centred.
  const footer = 150 * scale;
  const top = doc.y + 28 * scale;
  const qrSize = Math.max(120 * scale, Math.min(doc.page.width * 0.5, doc.page.height - footer - top));
  drawQrCode(doc, url, (doc.page.width - qrSize) / 2, top, qrSize);

  writeParagraph(doc, t('rallyKit.scan'), has, { size: 14 * scale, align: 'center', width, x: margin, y: top + qrSize + 24 * scale });
  doc.moveDown(0.3);
  writeParagraph(doc, t('rallyKit.orVisit'), has, { size: 10 * scale, align: 'center', width });
  writeParagraph(doc, url, has, { size: 11 * scale, align: 'center', width });
  doc.moveDown(0.3);
  writeParagraph(doc, t('rallyKit.shortLink', { link: shortLink }), has, { size: 16 * scale, align: 'center', width });

  doc.fillColor('#57534e');
  writeParagraph(doc, `${t('site.name')} · ${t('site.tagline')}`, has, { size: 9 * scale, align: 'center', width, x: margin, y: doc.page.height - 30 * scale });
  doc.end();
  return done;
}
