/**
 * An organizer looked at signatures held past their address's ceiling (a rally, a campus, one mobile
 * network) and found people: they count from now on, those confirmed at once. By address hash, or all
 * of a petition's held signatures.
 */
import 'server-only';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { petitions, petitionSignatures } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { adjustConfirmedCount } from './confirmed-count';
import { afterPetitionWrite } from './petition-writes';
import { releaseHeldSignaturesSchema } from './schemas';

export const releaseHeldSignatures = defineOperation({
  name: 'signatures.release',
  input: releaseHeldSignaturesSchema,
  writes: true,
  changesPublicView: true,
  async run({ tx, audit }, { petitionId, ipHash }) {
    const [petition] = await tx.select({ id: petitions.id }).from(petitions).where(eq(petitions.id, petitionId));
    if (!petition) return fieldError('petitionId', 'petitionUnknown');
    const released = await tx
      .update(petitionSignatures)
      .set({ heldAt: null, updatedAt: sql`now()` })
      .where(
        and(
          eq(petitionSignatures.petitionId, petitionId),
          isNotNull(petitionSignatures.heldAt),
          ipHash ? eq(petitionSignatures.ipHash, ipHash) : undefined,
        ),
      )
      .returning({ confirmedAt: petitionSignatures.confirmedAt, invalidationId: petitionSignatures.invalidationId });
    if (released.length === 0) return fieldError('ipHash', 'nothingHeld');
    const counted = released.filter((row) => row.confirmedAt && !row.invalidationId).length;
    await adjustConfirmedCount(tx, petitionId, counted);
    await audit({ entityType: 'petition', entityId: petitionId, after: { ipHash: ipHash || null, released: released.length, counted } });
    return succeeded({ released: released.length, counted });
  },
  afterCommit: afterPetitionWrite,
});
