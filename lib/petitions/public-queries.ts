/** The one rule for which petitions the public may see: not a draft, and its case is public. */
import 'server-only';
import { and, ne, sql } from 'drizzle-orm';
import { petitions, petitionSettings } from '@/db/schema';
import { caseIsPublic } from '@/lib/cases/public-queries';

/** Use with `.innerJoin(cases, eq(cases.id, petitions.caseId))`. */
export const petitionIsPublic = and(ne(petitions.status, 'draft'), caseIsPublic);

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
