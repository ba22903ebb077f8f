/**
 * What a supporter is offered after signing and after confirming (the thank-you): the petition to
 * share, its case's own-letter page and feed, and the other petitions open now. Public reads only.
 */
import 'server-only';
import { pageShare, type PageShare } from '@/lib/share/share-metadata';
import type { OpenPetitionSummary } from './list-open-petitions';
import { cachedOpenPetitions, cachedPublicPetition } from './public-cache';

export interface NextSteps {
  petition: { slug: string; title: string; caseSlug: string; caseTitle: string };
  share: PageShare;
  otherPetitions: OpenPetitionSummary[];
}

/** The next steps after a petition, or null when it is not public (any more). */
export async function getNextSteps(locale: string, slug: string): Promise<NextSteps | null> {
  const petition = await cachedPublicPetition(slug);
  if (!petition) return null;
  const [share, open] = await Promise.all([pageShare(locale, `/petitions/${petition.slug}`, petition.title), cachedOpenPetitions()]);
  return {
    petition: { slug: petition.slug, title: petition.title, caseSlug: petition.caseSlug, caseTitle: petition.caseTitle },
    share,
    otherPetitions: open.filter((other) => other.slug !== petition.slug),
  };
}
