/**
 * Fields every domain's forms and inputs share, written once: a checkbox and a record id. Error
 * messages are catalog keys, as in each domain's schemas.ts.
 */
import { z } from 'zod';

/** A checkbox: present ("on"/"true") means yes. */
export const checkboxSchema = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

/** The id of a stored record (a UUID), with the message to show for anything else. */
export function recordIdSchema(error = 'recordInvalid') {
  return z.uuid({ error });
}

/** Does this text name a record (route parameters, cookies, links), before it goes near a query? */
export function isRecordId(text: unknown): text is string {
  return recordIdSchema().safeParse(text).success;
}
