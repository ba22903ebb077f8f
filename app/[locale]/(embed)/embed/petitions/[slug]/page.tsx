import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { PetitionSignBox } from '@/components/petitions/PetitionSignBox';
import { cachedPublicPetition } from '@/lib/petitions/public-cache';

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

export const metadata: Metadata = { robots: { index: false } };

/**
 * The sign widget partner NGOs put on their sites:
 * <iframe src="https://vigil.example/embed/petitions/SLUG" width="400" height="760"></iframe>
 * (or /ko/embed/…). The only pages that may be framed (lib/http/security-headers.ts); they load
 * nothing from the partner's site, and signing posts to this site's own API.
 */
export default async function EmbeddedPetition({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const petition = await cachedPublicPetition(slug);
  if (!petition) notFound();
  return (
    <main className="p-2">
      <PetitionSignBox petition={petition} compact framed idPrefix="embed" />
    </main>
  );
}
