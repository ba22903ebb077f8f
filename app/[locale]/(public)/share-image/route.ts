import { cachedPublicCases } from '@/lib/cases/public-cache';
import { homePreviewCard, isPreviewLocale } from '@/lib/share/preview-card';
import { previewImageResponse } from '@/lib/share/preview-image';

// Drawn on first request, then cached like the page it previews.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

/** GET /share-image, /ko/share-image: the home page's link preview (PNG). */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isPreviewLocale(locale)) return previewImageResponse(null);
  return previewImageResponse(homePreviewCard(locale, (await cachedPublicCases()).length));
}
