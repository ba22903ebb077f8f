/**
 * Fields every domain's forms and inputs share, written once: free text, a checkbox and a record id.
 * Error messages are catalog keys, as in each domain's schemas.ts; every domain's error catalog has
 * the ones used here (schemas.test.ts checks it).
 */
import { z } from 'zod';

// Postgres refuses NUL in text ("invalid byte sequence", 22021) and a lone UTF-16 surrogate has no
// UTF-8 spelling, so neither can be stored: such input is the person's to fix, not a server error.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Can this text be stored as it is (no NUL, no lone surrogate)? */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * Any text a person sends (a name, a title, a note, a search): a string the database can store, or
 * the field error "textInvalid". `error` is the message for a value that is not a string at all.
 * Domains add their own trim, length and pattern checks after it.
 */
export function textSchema(params: { error?: string } = {}) {
  return z.string(params).refine(isStorableText, { error: 'textInvalid' });
}

/** A checkbox: present ("on"/"true") means yes. */
export const checkboxSchema = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

/** The id of a stored record (a UUID), with the message to show for anything else. */
export function recordIdSchema(error = 'recordInvalid') {
  return z.uuid({ error });
}

/**
 * Does this text name a record (route parameters, cookies, links), before it goes near a query? The
 * one UUID check: Postgres would refuse anything else as a uuid (a 500), e.g. 36 dashes.
 */
export function isRecordId(text: unknown): text is string {
  return recordIdSchema().safeParse(text).success;
}
