/**
 * What the confirmation page shows for a token (public, read only: mail scanners open links, so
 * opening one changes nothing; lib/petitions/confirm-signature.ts does, on the button's POST).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitions, petitionSignatures } from '@/db/schema';
import { hashConfirmationToken, looksLikeToken } from './petition-mail';
import { signerPetitionTitle } from './public-queries';

export type ConfirmationState = 'pending' | 'confirmed' | 'expired' | 'invalid';

export interface ConfirmationView {
  state: ConfirmationState;
  /** The petition, for every state but 'invalid'. */
  petition: { slug: string; title: string } | null;
}

export async function getConfirmation(token: string): Promise<ConfirmationView> {
  if (!looksLikeToken(token)) return { state: 'invalid', petition: null };
  const db = await getDb();
  const [row] = await db
    .select({
      slug: petitions.slug,
      title: signerPetitionTitle,
      confirmedAt: petitionSignatures.confirmedAt,
      expired: petitionSignatures.confirmationExpiresAt,
    })
    .from(petitionSignatures)
    .innerJoin(petitions, eq(petitions.id, petitionSignatures.petitionId))
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(eq(petitionSignatures.confirmationTokenHash, hashConfirmationToken(token)))
    .limit(1);
  if (!row) return { state: 'invalid', petition: null };
  const petition = { slug: row.slug, title: row.title };
  if (row.confirmedAt) return { state: 'confirmed', petition };
  if (!row.expired || row.expired <= new Date()) return { state: 'expired', petition };
  return { state: 'pending', petition };
}
