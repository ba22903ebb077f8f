/**
 * The petition a signature is for, as signing needs it (id, title, status, dates, the site-wide
 * switch), and whether it takes signatures now (signingRefusal, which says why not; the public page
 * asks it too). Remembered by each app instance for SIGNING_PETITION_MEMO_MS: under a surge, thousands of
 * signatures a minute cost one look-up a second. The memo only saves work and answers early: the
 * signing statement itself checks that the petition still takes signatures, so a pause or close made
 * through any instance holds at once everywhere.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitions } from '@/db/schema';
import { processMemo } from '@/lib/runtime/process-memo';
import { petitionIsPublic, publishedPetitionColumns, siteSigningPaused } from './public-queries';
import type { PetitionStatus, SigningRefusal } from './vocabulary';

export const SIGNING_PETITION_MEMO_MS = 1000;

export interface SigningWindow {
  status: PetitionStatus;
  opensAt: Date | null;
  closesAt: Date | null;
}

export interface SigningPetition extends SigningWindow {
  id: string;
  title: string;
  sitePaused: boolean;
}

const memo = processMemo<{ at: number; petition: Promise<SigningPetition | null> }>('signingPetitions');

export function findSigningPetition(slug: string): Promise<SigningPetition | null> {
  const cached = memo.get(slug);
  if (cached && Date.now() - cached.at < SIGNING_PETITION_MEMO_MS) return cached.petition;
  const petition = load(slug);
  if (memo.size > 1000) memo.clear();
  memo.set(slug, { at: Date.now(), petition });
  petition.catch(() => memo.delete(slug));
  return petition;
}

async function load(slug: string): Promise<SigningPetition | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: petitions.id,
      title: publishedPetitionColumns.title,
      status: petitions.status,
      opensAt: petitions.opensAt,
      closesAt: petitions.closesAt,
      sitePaused: siteSigningPaused,
    })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(and(eq(petitions.slug, slug), petitionIsPublic))
    .limit(1);
  return row ?? null;
}

export function forgetSigningPetitions(): void {
  memo.clear();
}

/** Whether a public petition takes signatures at a given moment, and if not, why. Pure. */
export function signingRefusal(petition: SigningWindow, sitePaused: boolean, now: Date = new Date()): SigningRefusal | null {
  if (petition.status === 'closed' || petition.status === 'delivered') return 'closed';
  if (petition.closesAt && petition.closesAt <= now) return 'closed';
  if (petition.status === 'draft') return 'not_open_yet';
  if (petition.opensAt && petition.opensAt > now) return 'not_open_yet';
  if (sitePaused) return 'site_paused';
  if (petition.status === 'paused') return 'paused';
  return null;
}
