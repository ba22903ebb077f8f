/** The one rule for which petitions the public may see, and their text as the public reads it. */
import 'server-only';
import { and, ne, sql } from 'drizzle-orm';
import { cases, petitions, petitionSettings, publicSnapshots } from '@/db/schema';
import type { PublicPetitionText } from '@/lib/cases/public';
import { caseIsPublic } from '@/lib/cases/public-queries';

/**
 * The petition's entry in its case's published snapshot (lib/cases/public-snapshot.ts), or null: a
 * petition's title, text and target reach the public only once reviewed and published with its case.
 * Use with `.innerJoin(cases, eq(cases.id, petitions.caseId))`.
 */
const publishedEntry = sql`(select entry from ${publicSnapshots} as published, jsonb_array_elements(published.content -> 'petitions') as entry
  where published.id = ${cases.publicSnapshotId} and entry ->> 'slug' = ${petitions.slug} limit 1)`;

/** The petition's published entry itself (slug, title, body, target), or null. Use with `cases` joined. */
export const publishedPetitionEntry = sql<PublicPetitionText | null>`${publishedEntry}`;

/** Not a draft, its case is public, and its text is in the case's published snapshot. Use with `cases` joined. */
export const petitionIsPublic = and(ne(petitions.status, 'draft'), caseIsPublic, sql`${publishedEntry} is not null`);

/** The published text (never the organizers' working copy), as columns. Use with `cases` joined, under `petitionIsPublic`. */
export const publishedPetitionColumns = {
  title: sql<string>`(${publishedEntry}) ->> 'title'`,
  body: sql<string>`(${publishedEntry}) ->> 'body'`,
  target: sql<string>`(${publishedEntry}) ->> 'target'`,
};

/**
 * The title a signer's own pages show (confirmation, withdrawal): the published one, or the petition's
 * address when its text is not public (any more). Never the organizers' unreviewed title. Use with `cases` joined.
 */
export const signerPetitionTitle = sql<string>`coalesce((${publishedEntry}) ->> 'title', ${petitions.slug})`;

/** The site-wide pause switch, as a column expression. */
export const siteSigningPaused = sql<boolean>`coalesce((select ${petitionSettings.signingPaused} from ${petitionSettings} where ${petitionSettings.id} = 1), false)`;

/**
 * Whether a petition takes signatures now, as a column expression: the database's side of
 * `signingRefusal(petition, sitePaused) === null` (lib/petitions/find-signing-petition.ts, which says why
 * not). The signing statement checks it, so a close or pause holds at once on every instance.
 * Tests check the two against each other.
 */
export const petitionAcceptsSignatures = sql<boolean>`(${petitions.status} = 'open'
  and (${petitions.opensAt} is null or ${petitions.opensAt} <= now())
  and (${petitions.closesAt} is null or ${petitions.closesAt} > now())
  and not ${siteSigningPaused})`;
