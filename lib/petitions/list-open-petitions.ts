/**
 * The petitions a visitor can sign now, for the home page: open and public, those of the most urgent
 * cases first, then the most signed. Public read, no session; the counts are as of the cached page
 * (each card's bar then follows the live count API).
 */
import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitions, publicSnapshots } from '@/db/schema';
import { joinPublishedSnapshot, publishedCaseColumns } from '@/lib/cases/public-queries';
import { URGENCY_LEVELS } from '@/lib/cases/vocabulary';
import { confirmedCountColumn } from './get-petition-count';
import { type Milestone, publicMilestones } from './public';
import { petitionAcceptsSignatures, petitionIsPublic, publishedPetitionColumns } from './public-queries';

export interface OpenPetitionSummary {
  slug: string;
  title: string;
  target: string;
  goal: number;
  confirmed: number;
  milestones: Milestone[];
  caseSlug: string;
  caseTitle: string;
}

const urgencyRank = sql`array_position(array[${sql.join(
  URGENCY_LEVELS.map((level) => sql`${level}`),
  sql`, `,
)}]::text[], ${publishedCaseColumns.urgency})`;

export async function listOpenPetitions(limit = 6): Promise<OpenPetitionSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({
      slug: petitions.slug,
      title: publishedPetitionColumns.title,
      target: publishedPetitionColumns.target,
      goal: petitions.goal,
      confirmed: confirmedCountColumn,
      milestones: petitions.milestones,
      caseSlug: publishedCaseColumns.slug,
      caseTitle: publishedCaseColumns.title,
    })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .innerJoin(publicSnapshots, joinPublishedSnapshot)
    .where(and(petitionIsPublic, eq(publishedCaseColumns.archived, false), petitionAcceptsSignatures))
    .orderBy(asc(urgencyRank), desc(confirmedCountColumn), desc(petitions.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, milestones: publicMilestones(row.milestones) }));
}
