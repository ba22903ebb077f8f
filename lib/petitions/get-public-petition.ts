/** Public petition reads (no session): one petition by slug, and the petition a case page shows. */
import 'server-only';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitions, petitionSignatures, publicSnapshots } from '@/db/schema';
import { joinPublishedSnapshot, publishedCaseColumns } from '@/lib/cases/public-queries';
import { signatureIsCounted } from './confirmed-count';
import { type PublicPetition, type PublicSigner, publicCountryCounts, publicMilestones, toPublicSigner } from './public';
import { petitionIsPublic, publishedPetitionColumns, siteSigningPaused } from './public-queries';
import { signingRefusal } from './find-signing-petition';

const RECENT_SIGNERS = 10;

const publicPetitionColumns = {
  id: petitions.id,
  slug: petitions.slug,
  ...publishedPetitionColumns,
  goal: petitions.goal,
  milestones: petitions.milestones,
  status: petitions.status,
  opensAt: petitions.opensAt,
  closesAt: petitions.closesAt,
  deliveredOn: petitions.deliveredOn,
  deliveredTo: petitions.deliveredTo,
  caseSlug: publishedCaseColumns.slug,
  caseTitle: publishedCaseColumns.title,
  sitePaused: siteSigningPaused,
};

async function toPublicPetition(row: Awaited<ReturnType<typeof selectPetitions>>[number]): Promise<PublicPetition> {
  const db = await getDb();
  const signerRows = await db
    .select({ name: petitionSignatures.name, country: petitionSignatures.country, display: petitionSignatures.display })
    .from(petitionSignatures)
    .where(and(eq(petitionSignatures.petitionId, row.id), eq(petitionSignatures.display, 'first_name_country'), signatureIsCounted))
    .orderBy(desc(petitionSignatures.confirmedAt))
    .limit(RECENT_SIGNERS);
  const countryRows = await db
    .select({ country: petitionSignatures.country, count: count() })
    .from(petitionSignatures)
    .where(and(eq(petitionSignatures.petitionId, row.id), signatureIsCounted))
    .groupBy(petitionSignatures.country);
  return {
    slug: row.slug,
    title: row.title,
    body: row.body,
    target: row.target,
    goal: row.goal,
    status: row.status === 'draft' ? 'paused' : row.status,
    refusal: signingRefusal(row, row.sitePaused),
    opensAt: row.opensAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
    deliveredOn: row.deliveredOn,
    deliveredTo: row.deliveredTo,
    caseSlug: row.caseSlug,
    caseTitle: row.caseTitle,
    recentSigners: signerRows.map(toPublicSigner).filter((signer): signer is PublicSigner => signer !== null),
    milestones: publicMilestones(row.milestones),
    ...publicCountryCounts(countryRows),
  };
}

async function selectPetitions(where: ReturnType<typeof and>) {
  const db = await getDb();
  return db
    .select(publicPetitionColumns)
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .innerJoin(publicSnapshots, joinPublishedSnapshot)
    .where(and(petitionIsPublic, where))
    .orderBy(desc(petitions.createdAt))
    .limit(1);
}

export async function getPublicPetition(slug: string): Promise<PublicPetition | null> {
  const [row] = await selectPetitions(eq(petitions.slug, slug));
  return row ? toPublicPetition(row) : null;
}

/** The petition a public case page invites readers to sign: its newest open (or paused) one, or null. */
export async function getCasePetition(caseSlug: string): Promise<PublicPetition | null> {
  const [row] = await selectPetitions(and(eq(publicSnapshots.slug, caseSlug), inArray(petitions.status, ['open', 'paused'])));
  return row ? toPublicPetition(row) : null;
}
