import 'server-only';
import { and, eq, gte, isNull, lte, type SQL, sql, TransactionRollbackError } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { petitionInvalidations, petitions, petitionSignatures } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { adjustConfirmedCount } from './confirmed-count';
import { afterPetitionWrite } from './petition-writes';
import { invalidateSignaturesSchema, type InvalidateSignaturesInput } from './schemas';

/**
 * Sets aside every signature of a petition matching a filter (e-mail domain and its subdomains,
 * address hash, time signed; all given criteria must match), with a reason. The signatures stay, so
 * restore-signatures.ts can bring them back; confirmed ones leave the count in the same transaction.
 */
export async function invalidateSignatures(
  session: StaffSession | null,
  input: InvalidateSignaturesInput,
): Promise<OperationResult<{ invalidationId: string; count: number }>> {
  const actor = await authorize(session, 'signatures.invalidate');
  const { petitionId, reason, ...filter } = invalidateSignaturesSchema.parse(input);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
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
    // Nothing matched: no empty invalidation is kept.
    if (affected.length === 0) tx.rollback();
    await tx.update(petitionInvalidations).set({ signatureCount: affected.length }).where(eq(petitionInvalidations.id, invalidation!.id));
    await adjustConfirmedCount(tx, petitionId, -affected.filter((row) => row.confirmedAt && !row.heldAt).length);
    await recordAudit(tx, actor, {
      action: 'signatures.invalidate',
      entityType: 'petition_invalidation',
      entityId: invalidation!.id,
      after: { petitionId, reason, filter: storedFilter, signatures: affected.length },
    });
    return succeeded({ invalidationId: invalidation!.id, count: affected.length });
  }).catch((error: unknown) => {
    if (error instanceof TransactionRollbackError) return fieldError('domain', 'nothingMatched');
    throw error;
  });
  if (result.ok) afterPetitionWrite();
  return result;
}
