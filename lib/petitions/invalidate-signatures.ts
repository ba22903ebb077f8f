import 'server-only';
import { and, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { petitionInvalidations, petitions, petitionSignatures } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { adjustConfirmedCount } from './confirmed-count';
import { afterPetitionWrite } from './petition-writes';
import { invalidateSignaturesSchema } from './schemas';

/**
 * Sets aside every signature of a petition matching a filter (e-mail domain and its subdomains,
 * address hash, time signed; all given criteria must match), with a reason. The signatures stay, so
 * restore-signatures.ts can bring them back; confirmed ones leave the count in the same transaction.
 */
export const invalidateSignatures = defineOperation({
  name: 'signatures.invalidate',
  input: invalidateSignaturesSchema,
  writes: true,
  // The public count changes.
  changesPublicView: true,
  async run({ tx, audit, actor }, { petitionId, reason, ...filter }) {
    const [petition] = await tx.select({ id: petitions.id }).from(petitions).where(eq(petitions.id, petitionId));
    if (!petition) return fieldError('petitionId', 'petitionUnknown');
    const conditions: SQL[] = [eq(petitionSignatures.petitionId, petitionId), isNull(petitionSignatures.invalidationId)];
    if (filter.domain) {
      conditions.push(sql`(${petitionSignatures.emailDomain} = ${filter.domain} or right(${petitionSignatures.emailDomain}, ${filter.domain.length + 1}) = ${`.${filter.domain}`})`);
    }
    if (filter.ipHash) conditions.push(eq(petitionSignatures.ipHash, filter.ipHash));
    if (filter.from) conditions.push(gte(petitionSignatures.createdAt, filter.from));
    if (filter.to) conditions.push(lte(petitionSignatures.createdAt, filter.to));
    const storedFilter = { domain: filter.domain || null, ipHash: filter.ipHash || null, from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null };
    const [invalidation] = await tx
      .insert(petitionInvalidations)
      .values({ petitionId, reason, filter: storedFilter, signatureCount: 0, createdByUserId: actor.userId })
      .returning({ id: petitionInvalidations.id });
    const affected = await tx
      .update(petitionSignatures)
      .set({ invalidationId: invalidation!.id, updatedAt: sql`now()` })
      .where(and(...conditions))
      .returning({ confirmedAt: petitionSignatures.confirmedAt, heldAt: petitionSignatures.heldAt });
    // Nothing matched: the failure rolls the empty invalidation back.
    if (affected.length === 0) return fieldError('domain', 'nothingMatched');
    await tx.update(petitionInvalidations).set({ signatureCount: affected.length }).where(eq(petitionInvalidations.id, invalidation!.id));
    await adjustConfirmedCount(tx, petitionId, -affected.filter((row) => row.confirmedAt && !row.heldAt).length);
    await audit({
      entityType: 'petition_invalidation',
      entityId: invalidation!.id,
      after: { petitionId, reason, filter: storedFilter, signatures: affected.length },
    });
    return succeeded({ invalidationId: invalidation!.id, count: affected.length });
  },
  afterCommit: afterPetitionWrite,
});
