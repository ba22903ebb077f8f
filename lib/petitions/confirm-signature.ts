/**
 * Confirms the signature a token names (public, the Confirm button's POST). Confirming again is
 * harmless: it answers 'confirmed' and counts nothing twice. An expired link is refused: signing
 * again sends a fresh one.
 */
import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitions, petitionSignatures } from '@/db/schema';
import { adjustConfirmedCount } from './confirmed-count';
import { signerPetitionTitle } from './public-queries';
import { hashConfirmationToken, looksLikeToken } from './petition-mail';
import type { ConfirmationView } from './get-confirmation';
import { getConfirmation } from './get-confirmation';

export async function confirmSignature(token: string): Promise<ConfirmationView> {
  if (!looksLikeToken(token)) return { state: 'invalid', petition: null };
  const db = await getDb();
  const tokenHash = hashConfirmationToken(token);
  const confirmed = await db.transaction(async (tx) => {
    // One statement decides: only a pending, unexpired signature becomes confirmed, exactly once.
    const [row] = await tx
      .update(petitionSignatures)
      .set({ confirmedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(petitionSignatures.confirmationTokenHash, tokenHash),
          isNull(petitionSignatures.confirmedAt),
          gt(petitionSignatures.confirmationExpiresAt, sql`now()`),
        ),
      )
      .returning({ petitionId: petitionSignatures.petitionId, invalidationId: petitionSignatures.invalidationId, heldAt: petitionSignatures.heldAt });
    if (!row) return null;
    // A signature set aside by an organizer, or held past its address's ceiling, does not count (yet).
    if (!row.invalidationId && !row.heldAt) await adjustConfirmedCount(tx, row.petitionId, 1);
    return row.petitionId;
  });
  if (confirmed) {
    const [petition] = await db
      .select({ slug: petitions.slug, title: signerPetitionTitle })
      .from(petitions)
      .innerJoin(cases, eq(cases.id, petitions.caseId))
      .where(eq(petitions.id, confirmed));
    return { state: 'confirmed', petition: petition ?? null };
  }
  return getConfirmation(token);
}
