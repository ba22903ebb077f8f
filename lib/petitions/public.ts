/**
 * The public face of a petition: the only shapes pages, the widget and JSON may carry. Built by
 * naming the fields that may be public. Signers appear only as they chose: not at all (anonymous,
 * the default) or by first name and country. E-mails, full names and address hashes never do.
 */
import type { CountryCode, PetitionStatus, SignerDisplay, SigningRefusal } from './vocabulary';

export interface PublicSigner {
  firstName: string;
  country: string;
}

export interface PublicPetition {
  slug: string;
  title: string;
  body: string;
  target: string;
  goal: number;
  status: Exclude<PetitionStatus, 'draft'>;
  /** Why signing is not possible right now, or null when it is. */
  refusal: SigningRefusal | null;
  opensAt: string | null;
  closesAt: string | null;
  deliveredOn: string | null;
  deliveredTo: string | null;
  caseSlug: string;
  caseTitle: string;
  recentSigners: PublicSigner[];
  /** The organizer's milestones, in rising order: public text written for the public. */
  milestones: Milestone[];
  /** Counted signatures by country, most first; countries with fewer than COUNTRY_MIN_SIGNERS are in `otherCountries`. */
  signersByCountry: PublicCountryCount[];
  otherCountries: number;
}

/** A count an organizer names and what happens when it is reached (lib/petitions/milestones.ts reads them). */
export interface Milestone {
  signatures: number;
  note: string;
}

/** The stored milestones as the public may see them: only the count and the organizer's public text. */
export function publicMilestones(stored: readonly Milestone[]): Milestone[] {
  return stored.map(({ signatures, note }) => ({ signatures, note }));
}

/** Which milestones a count has reached, and the next one (null when all are reached or there are none). */
export function milestoneProgress(confirmed: number, milestones: readonly Milestone[]): { reached: Milestone[]; next: Milestone | null } {
  const reached = milestones.filter((milestone) => milestone.signatures <= confirmed);
  return { reached, next: milestones.find((milestone) => milestone.signatures > confirmed) ?? null };
}

export interface PublicCountryCount {
  country: string;
  count: number;
}

/**
 * A country is named in the public figures only once this many signers share it: three signers from
 * one small country, with the recent-signers list beside it, could tell a government who they are.
 */
export const COUNTRY_MIN_SIGNERS = 5;

/** Per-country counts as the public may see them: small countries folded into one "other" figure. */
export function publicCountryCounts(rows: readonly PublicCountryCount[]): { signersByCountry: PublicCountryCount[]; otherCountries: number } {
  const named = rows.filter((row) => row.count >= COUNTRY_MIN_SIGNERS).sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
  const otherCountries = rows.filter((row) => row.count < COUNTRY_MIN_SIGNERS).reduce((sum, row) => sum + row.count, 0);
  return { signersByCountry: named, otherCountries };
}

/** GET /api/petitions/[slug]/count. */
export interface PetitionCount {
  confirmed: number;
  goal: number;
}

/**
 * The part of a name shown for "first name and country": the first word; for a name written without
 * spaces in Hangul or Chinese characters (family name first), the given name after the first syllable.
 */
export function publicFirstName(name: string): string {
  const trimmed = name.trim();
  const words = trimmed.split(/\s+/);
  if (words.length > 1) return words[0]!.slice(0, 30);
  const characters = [...trimmed];
  if (characters.length >= 2 && /^[\p{Script=Hangul}\p{Script=Han}]+$/u.test(trimmed)) return characters.slice(1).join('').slice(0, 30);
  return characters.slice(0, 30).join('');
}

export interface SignerRow {
  name: string | null;
  country: string;
  display: SignerDisplay;
}

/** A signer as the public may see them, or null for anonymous signers (and erased names). */
export function toPublicSigner(row: SignerRow): PublicSigner | null {
  if (row.display !== 'first_name_country' || !row.name) return null;
  return { firstName: publicFirstName(row.name), country: row.country as CountryCode };
}

/**
 * Freshness of the public count. Browsers and shared caches may keep a count answer one second
 * (COUNT_CACHE_CONTROL), each app instance keeps its figure one second (get-petition-count.ts), and
 * pages poll every COUNT_POLL_MS: a count on screen is at most about 1 + 1 + 3 = 5 seconds old.
 */
export const COUNT_CACHE_CONTROL = 'public, max-age=1, s-maxage=1';
export const COUNT_POLL_MS = 3000;
