import { cachedPublicCase } from '@/lib/cases/public-cache';
import { getPetitionCount } from '@/lib/petitions/get-petition-count';
import { cachedPublicPetition } from '@/lib/petitions/public-cache';
import { isPreviewLocale, petitionPreviewCard } from '@/lib/share/preview-card';
import { previewImageResponse } from '@/lib/share/preview-image';

// Drawn on first request, then cached like the petition page.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

/** GET /petitions/<slug>/share-image: the petition's link preview (count, goal, whom it asks), public data only. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const petition = isPreviewLocale(locale) ? await cachedPublicPetition(slug) : null;
  if (!petition || !isPreviewLocale(locale)) return previewImageResponse(null);
  const [publicCase, count] = await Promise.all([cachedPublicCase(petition.caseSlug), getPetitionCount(slug)]);
  return previewImageResponse(petitionPreviewCard(locale, petition, publicCase, count));
}
