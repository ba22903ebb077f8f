/**
 * A signer withdraws through the link in any of our mails (public, no session): the signature and
 * everything personal in it are deleted, and the count drops if it counted. Opening the link only
 * shows a button (getWithdrawal); the button's POST withdraws. Twice is harmless.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitions, petitionSignatures } from '@/db/schema';
import { adjustConfirmedCount } from './confirmed-count';
import { signerPetitionTitle } from './public-queries';
import { signatureIdFromWithdrawalToken } from './petition-mail';

export interface WithdrawalView {
  state: 'pending' | 'withdrawn' | 'invalid';
  petition: { slug: string; title: string } | null;
}

export async function getWithdrawal(token: string): Promise<WithdrawalView> {
  const signatureId = signatureIdFromWithdrawalToken(token);
  if (!signatureId) return { state: 'invalid', petition: null };
  const db = await getDb();
  const [row] = await db
    .select({ slug: petitions.slug, title: signerPetitionTitle })
    .from(petitionSignatures)
    .innerJoin(petitions, eq(petitions.id, petitionSignatures.petitionId))
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(eq(petitionSignatures.id, signatureId));
  return row ? { state: 'pending', petition: row } : { state: 'invalid', petition: null };
}

export async function withdrawSignature(token: string): Promise<WithdrawalView> {
  const signatureId = signatureIdFromWithdrawalToken(token);
  if (!signatureId) return { state: 'invalid', petition: null };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(petitionSignatures)
      .where(eq(petitionSignatures.id, signatureId))
      .returning({ petitionId: petitionSignatures.petitionId, confirmedAt: petitionSignatures.confirmedAt, invalidationId: petitionSignatures.invalidationId, heldAt: petitionSignatures.heldAt });
    if (!removed) return { state: 'invalid', petition: null } as WithdrawalView;
    if (removed.confirmedAt && !removed.invalidationId && !removed.heldAt) await adjustConfirmedCount(tx, removed.petitionId, -1);
    const [petition] = await tx
      .select({ slug: petitions.slug, title: signerPetitionTitle })
      .from(petitions)
      .innerJoin(cases, eq(cases.id, petitions.caseId))
      .where(eq(petitions.id, removed.petitionId));
    return { state: 'withdrawn', petition: petition ?? null } as WithdrawalView;
  });
}
