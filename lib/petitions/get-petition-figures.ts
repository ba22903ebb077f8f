/**
 * One petition as organizers see it: its fields, the live figures (confirmed, pending, invalidated),
 * confirmed signatures per day and by country, the busiest e-mail domains and address hashes (to
 * spot a flood), and the invalidations made so far.
 */
import 'server-only';
import { and, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { cases, petitionInvalidations, petitions, petitionSignatures } from '@/db/schema';
import { caseIsPublicColumn } from '@/lib/cases/public-queries';
import { defineOperation } from '@/lib/operations/define-operation';
import { missingRecord, succeeded } from '@/lib/operations/result';
import { readConfirmedCounts, signatureIsCounted } from './confirmed-count';
import { readPetitionDelivery } from './get-petition-delivery';
import { readPetitionTextPublication } from './petition-publication';
import { petitionIdSchema } from './schemas';

export const FIGURE_DAYS = 30;

/** The organizers' page of one petition: its figures and, once delivered, where the delivery stands. */
export const getPetitionFigures = defineOperation({
  name: 'petitions.read',
  input: petitionIdSchema,
  writes: false,
  changesPublicView: false,
  async run({ db, session }, { petitionId }) {
    const [petition] = await db
      .select({
        id: petitions.id,
        caseId: petitions.caseId,
        caseTitle: cases.title,
        caseSlug: cases.slug,
        /** Whether the case is public (published, a public campaign): if not, the petition is hidden and takes no signatures. */
        casePublic: caseIsPublicColumn,
        slug: petitions.slug,
        title: petitions.title,
        body: petitions.body,
        target: petitions.target,
        goal: petitions.goal,
        milestones: petitions.milestones,
        status: petitions.status,
        opensAt: petitions.opensAt,
        closesAt: petitions.closesAt,
        closedAt: petitions.closedAt,
        deliveredOn: petitions.deliveredOn,
        deliveredTo: petitions.deliveredTo,
        deliveryNote: petitions.deliveryNote,
        anonymisedAt: petitions.anonymisedAt,
      })
      .from(petitions)
      .innerJoin(cases, eq(cases.id, petitions.caseId))
      .where(eq(petitions.id, petitionId));
    if (!petition) return missingRecord('petitionId');
    const ofPetition = eq(petitionSignatures.petitionId, petitionId);
    const notInvalidated = isNull(petitionSignatures.invalidationId);
    const day = sql<string>`to_char(${petitionSignatures.confirmedAt} at time zone 'UTC', 'YYYY-MM-DD')`;
    const n = sql<number>`count(*)`.mapWith(Number);
    const [counts, tallies, perDay, byCountry, topDomains, topAddresses, invalidations, heldByAddress, delivery] = await Promise.all([
      readConfirmedCounts(db, [petitionId]),
      db
        .select({
          pending: sql<number>`count(*) filter (where ${petitionSignatures.confirmedAt} is null and ${petitionSignatures.invalidationId} is null)`.mapWith(Number),
          invalidated: sql<number>`count(*) filter (where ${petitionSignatures.invalidationId} is not null)`.mapWith(Number),
        })
        .from(petitionSignatures)
        .where(ofPetition),
      db
        .select({ day, count: n })
        .from(petitionSignatures)
        .where(and(ofPetition, signatureIsCounted, gt(petitionSignatures.confirmedAt, sql`now() - make_interval(days => ${FIGURE_DAYS})`)))
        .groupBy(day)
        .orderBy(day),
      db.select({ country: petitionSignatures.country, count: n }).from(petitionSignatures).where(and(ofPetition, signatureIsCounted)).groupBy(petitionSignatures.country).orderBy(desc(n)).limit(15),
      db
        .select({ domain: petitionSignatures.emailDomain, count: n })
        .from(petitionSignatures)
        .where(and(ofPetition, notInvalidated, isNotNull(petitionSignatures.emailDomain)))
        .groupBy(petitionSignatures.emailDomain)
        .orderBy(desc(n))
        .limit(10),
      db
        .select({ ipHash: petitionSignatures.ipHash, count: n })
        .from(petitionSignatures)
        .where(and(ofPetition, notInvalidated, isNotNull(petitionSignatures.ipHash)))
        .groupBy(petitionSignatures.ipHash)
        .having(sql`count(*) > 1`)
        .orderBy(desc(n))
        .limit(10),
      db
        .select({
          id: petitionInvalidations.id,
          reason: petitionInvalidations.reason,
          filter: petitionInvalidations.filter,
          signatureCount: petitionInvalidations.signatureCount,
          createdAt: petitionInvalidations.createdAt,
          revertedAt: petitionInvalidations.revertedAt,
        })
        .from(petitionInvalidations)
        .where(eq(petitionInvalidations.petitionId, petitionId))
        .orderBy(desc(petitionInvalidations.createdAt)),
      // Held past their address's ceiling, by address: what an organizer releases or invalidates.
      db
        .select({
          ipHash: petitionSignatures.ipHash,
          count: n,
          confirmed: sql<number>`count(${petitionSignatures.confirmedAt})`.mapWith(Number),
          latest: sql<Date>`max(${petitionSignatures.createdAt})`.mapWith(petitionSignatures.createdAt),
        })
        .from(petitionSignatures)
        .where(and(ofPetition, notInvalidated, isNotNull(petitionSignatures.heldAt)))
        .groupBy(petitionSignatures.ipHash)
        .orderBy(desc(n))
        .limit(20),
      readPetitionDelivery(db, session, petitionId),
    ]);
    const publicText = (await readPetitionTextPublication(db, session, petitionId))!;
    return succeeded({
      petition,
      confirmed: counts.get(petitionId) ?? 0,
      pending: tallies[0]?.pending ?? 0,
      invalidated: tallies[0]?.invalidated ?? 0,
      perDay,
      byCountry,
      topDomains: topDomains.map((row) => ({ domain: row.domain ?? '', count: row.count })),
      topAddresses: topAddresses.map((row) => ({ ipHash: row.ipHash ?? '', count: row.count })),
      invalidations: invalidations.map((row) => ({ ...row, filter: row.filter as Record<string, string | null> })),
      held: heldByAddress.reduce((sum, row) => sum + row.count, 0),
      heldByAddress: heldByAddress.map((row) => ({ ipHash: row.ipHash ?? '', count: row.count, confirmed: row.confirmed, latest: row.latest })),
      delivery,
      publicText,
    });
  },
});

