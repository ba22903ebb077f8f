import { cachedPublicCase } from '@/lib/cases/public-cache';
import { getPetitionCount } from '@/lib/petitions/get-petition-count';
import { cachedCasePetition } from '@/lib/petitions/public-cache';
import { casePreviewCard, isPreviewLocale } from '@/lib/share/preview-card';
import { previewImageResponse } from '@/lib/share/preview-image';

// Drawn on first request, then cached like the case page.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

/** GET /cases/<slug>/share-image: the case's link preview, from its public projection only; 404 for any other case. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const publicCase = isPreviewLocale(locale) ? await cachedPublicCase(slug) : null;
  if (!publicCase || !isPreviewLocale(locale)) return previewImageResponse(null);
  const petition = await cachedCasePetition(slug);
  const count = petition ? await getPetitionCount(petition.slug) : null;
  return previewImageResponse(casePreviewCard(locale, publicCase, petition, count));
}
