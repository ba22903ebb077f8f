/** The organizers' petition list: every petition with its figures, the cases one may be created for, and the site-wide switch. */
import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cases, petitionCountShards, petitions, petitionSettings, petitionSignatures } from '@/db/schema';
import { caseIsPublicColumn } from '@/lib/cases/public-queries';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import type { PetitionStatus } from './vocabulary';

export interface PetitionListItem {
  id: string;
  slug: string;
  title: string;
  status: PetitionStatus;
  caseTitle: string;
  goal: number;
  confirmed: number;
  pending: number;
}

export interface PetitionConsole {
  petitions: PetitionListItem[];
  /** The cases a petition may be created for, public ones first; `isPublic` false: not published yet, so the petition stays hidden until it is. */
  cases: { id: string; title: string; isPublic: boolean }[];
  sitePaused: boolean;
}

export const listPetitions = defineOperation({
  name: 'petitions.list',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db }) {
    const [rows, caseRows, settings] = await Promise.all([
      db
        .select({
          id: petitions.id,
          slug: petitions.slug,
          title: petitions.title,
          status: petitions.status,
          caseTitle: cases.title,
          goal: petitions.goal,
          confirmed: sql<number>`coalesce((select sum(${petitionCountShards.confirmed}) from ${petitionCountShards} where ${petitionCountShards.petitionId} = ${petitions.id}), 0)`.mapWith(Number),
          pending: sql<number>`(select count(*) from ${petitionSignatures} s where s.petition_id = ${petitions.id} and s.confirmed_at is null and s.invalidation_id is null)`.mapWith(Number),
        })
        .from(petitions)
        .innerJoin(cases, eq(cases.id, petitions.caseId))
        .orderBy(desc(petitions.createdAt)),
      // Only public campaigns: a petition on any other case would never be public (create-petition.ts refuses it).
      db
        .select({ id: cases.id, title: cases.title, isPublic: caseIsPublicColumn })
        .from(cases)
        .where(eq(cases.publicityMode, 'public_campaign'))
        .orderBy(desc(caseIsPublicColumn), asc(cases.title)),
      db.select({ signingPaused: petitionSettings.signingPaused }).from(petitionSettings).where(eq(petitionSettings.id, 1)),
    ]);
    return succeeded<PetitionConsole>({ petitions: rows, cases: caseRows, sitePaused: settings[0]?.signingPaused ?? false });
  },
});
