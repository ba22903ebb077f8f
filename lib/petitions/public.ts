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
