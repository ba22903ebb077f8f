/**
 * Signers' personal data is kept only as long as the campaign needs it: once a petition has been
 * closed (or delivered) for `afterDays` days (default 180), names, e-mail addresses, address hashes,
 * tokens and update opt-ins are erased. Country, display choice and dates stay, so the counts and
 * figures survive; the petition is marked anonymised. Run by `npm run petitions:maintain`.
 */
import 'server-only';
import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { petitionAddressWindows, petitions, petitionSignatures } from '@/db/schema';

export const DEFAULT_ANONYMISE_AFTER_DAYS = 180;

export async function anonymiseClosedPetitions(db: Database, afterDays = DEFAULT_ANONYMISE_AFTER_DAYS): Promise<{ petitions: number; signatures: number }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: petitions.id })
      .from(petitions)
      .where(
        and(
          inArray(petitions.status, ['closed', 'delivered']),
          isNotNull(petitions.closedAt),
          isNull(petitions.anonymisedAt),
          lt(petitions.closedAt, sql`now() - make_interval(days => ${afterDays})`),
        ),
      )
      .for('update');
    if (due.length === 0) return { petitions: 0, signatures: 0 };
    const ids = due.map((row) => row.id);
    const erased = await tx
      .update(petitionSignatures)
      .set({
        email: null,
        emailNormalised: null,
        emailDomain: null,
        name: null,
        ipHash: null,
        confirmationTokenHash: null,
        confirmationExpiresAt: null,
        wantsUpdates: false,
        updatedAt: sql`now()`,
      })
      .where(inArray(petitionSignatures.petitionId, ids))
      .returning({ id: petitionSignatures.id });
    await tx.delete(petitionAddressWindows).where(inArray(petitionAddressWindows.petitionId, ids));
    for (const id of ids) await tx.update(petitions).set({ anonymisedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(petitions.id, id));
    return { petitions: ids.length, signatures: erased.length };
  });
}
