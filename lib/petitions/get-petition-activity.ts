/**
 * What organizers watch during a surge or a rally: the last hour's busiest address hashes, e-mail
 * domains and countries of one petition, the signatures held past an address's ceiling, whether each
 * busy source is already blocked, and the petition's event. Staff only: no public projection reads it.
 */
import 'server-only';
import { and, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { petitionBlocklist, petitionEvents, petitions, petitionSignatures } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { missingRecord, succeeded } from '@/lib/operations/result';
import { addressCeiling } from './address-ceiling';
import { petitionIdSchema } from './schemas';

export const ACTIVITY_WINDOW_MINUTES = 60;
const TOP = 10;

/** Where the panel's hour begins: the read's, and the one-click invalidation's when it is clicked. */
export function activityWindowStart(now = Date.now()): Date {
  return new Date(now - ACTIVITY_WINDOW_MINUTES * 60_000);
}

export const getPetitionActivity = defineOperation({
  name: 'petitions.readActivity',
  input: petitionIdSchema,
  writes: false,
  changesPublicView: false,
  async run({ db }, { petitionId }) {
    const [petition] = await db.select({ id: petitions.id }).from(petitions).where(eq(petitions.id, petitionId));
    if (!petition) return missingRecord('petitionId');
    const since = activityWindowStart();
    const recent = and(eq(petitionSignatures.petitionId, petitionId), gt(petitionSignatures.createdAt, since));
    const n = sql<number>`count(*)`.mapWith(Number);
    const heldNow = and(isNotNull(petitionSignatures.heldAt), isNull(petitionSignatures.invalidationId));
    const held = sql<number>`count(*) filter (where ${heldNow})`.mapWith(Number);
    const [addresses, domains, countries, heldTotal, events] = await Promise.all([
      db
        .select({
          ipHash: sql<string>`${petitionSignatures.ipHash}`,
          count: n,
          held,
          blocked: sql<boolean>`bool_or(${petitionBlocklist.id} is not null)`,
        })
        .from(petitionSignatures)
        .leftJoin(petitionBlocklist, eq(petitionBlocklist.ipHash, petitionSignatures.ipHash))
        .where(and(recent, isNotNull(petitionSignatures.ipHash)))
        .groupBy(petitionSignatures.ipHash)
        .orderBy(desc(n), petitionSignatures.ipHash)
        .limit(TOP),
      db
        .select({
          domain: sql<string>`${petitionSignatures.emailDomain}`,
          count: n,
          held,
          blocked: sql<boolean>`bool_or(${petitionBlocklist.id} is not null)`,
        })
        .from(petitionSignatures)
        .leftJoin(petitionBlocklist, eq(petitionBlocklist.domain, petitionSignatures.emailDomain))
        .where(and(recent, isNotNull(petitionSignatures.emailDomain)))
        .groupBy(petitionSignatures.emailDomain)
        .orderBy(desc(n), petitionSignatures.emailDomain)
        .limit(TOP),
      db
        .select({ country: petitionSignatures.country, count: n })
        .from(petitionSignatures)
        .where(recent)
        .groupBy(petitionSignatures.country)
        .orderBy(desc(n), petitionSignatures.country)
        .limit(TOP),
      db.select({ count: n }).from(petitionSignatures).where(and(eq(petitionSignatures.petitionId, petitionId), heldNow)),
      db
        .select({
          label: petitionEvents.label,
          startsAt: petitionEvents.startsAt,
          endsAt: petitionEvents.endsAt,
          expectedCrowd: petitionEvents.expectedCrowd,
          addressCeiling: petitionEvents.addressCeiling,
          running: sql<boolean>`${petitionEvents.startsAt} <= now()`,
        })
        .from(petitionEvents)
        .where(and(eq(petitionEvents.petitionId, petitionId), isNull(petitionEvents.endedAt), gt(petitionEvents.endsAt, sql`now()`))),
    ]);
    return succeeded({
      since,
      addresses: addresses.map((row) => ({ ...row, blocked: Boolean(row.blocked) })),
      domains: domains.map((row) => ({ ...row, blocked: Boolean(row.blocked) })),
      countries,
      held: heldTotal[0]?.count ?? 0,
      event: events[0] ?? null,
      usualCeiling: addressCeiling().signatures,
    });
  },
});

export type PetitionActivity = Extract<Awaited<ReturnType<typeof getPetitionActivity>>, { ok: true }>['value'];
