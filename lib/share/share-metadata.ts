/**
 * The OpenGraph and Twitter tags of a public page, and the absolute addresses it shares. URLs are
 * built from the configured origin (lib/auth/request-origin.ts), never the request: pages are cached.
 */
import 'server-only';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { configuredSiteOrigin } from '@/lib/auth/request-origin';
import { qrCodeSvg } from '@/lib/format/qr-code';
import { knownLocale, LOCALE_SETTINGS } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from './preview-card';
import { type ShareLinks, shareLinks, type ShareSubject } from './share-links';

/** The absolute public address of a page in a language: `/cases/x` is `https://site/ko/cases/x` in Korean. */
export function publicPageUrl(locale: string, path: string): string {
  return `${configuredSiteOrigin()}${getPathname({ locale, href: path })}`;
}

export interface SharedPage {
  locale: string;
  /** The page's path without the locale ("/cases/x"). */
  path: string;
  title: string;
  description: string;
  siteName: string;
}

/** og:* and twitter:* tags with the page's preview image, drawn by the route at `<path>/share-image`. */
export function shareMetadata({ locale, path, title, description, siteName }: SharedPage): Metadata {
  const image = { url: publicPageUrl(locale, `${path === '/' ? '' : path}/share-image`), width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, alt: title };
  return {
    openGraph: {
      type: 'website',
      siteName,
      url: publicPageUrl(locale, path),
      title,
      description,
      locale: LOCALE_SETTINGS[knownLocale(locale)].openGraph,
      images: [image],
    },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  };
}

export interface PageShare extends ShareSubject {
  links: ShareLinks;
  /** The address as a QR code (inline SVG, drawn here): WeChat and phones at a rally scan it. */
  qrSvg: string;
}

/** What the share panel of a page offers: its absolute address, a sentence to go with it, the links, its QR code. */
export async function pageShare(locale: string, path: string, title: string): Promise<PageShare> {
  const url = publicPageUrl(locale, path);
  const t = await getTranslations({ locale, namespace: 'share' });
  const subject = { url, title, text: t('shareText', { title }) };
  return { ...subject, links: shareLinks(subject), qrSvg: await qrCodeSvg(url) };
}
