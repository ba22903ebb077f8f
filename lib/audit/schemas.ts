import { z } from 'zod';
import { textSchema } from '@/lib/fields/schemas';

const optionalText = textSchema()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);
const optionalDate = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: 'dateInvalid' })
  .optional()
  .transform((value) => value || undefined);

/** Filters of the audit log page, read from its query string; a query it cannot read filters nothing. */
export const auditFilterSchema = z
  .object({
    actor: optionalText,
    action: optionalText,
    entityType: optionalText,
    entityId: optionalText,
    from: optionalDate,
    to: optionalDate,
    /** Show rows older than this id (the next page). */
    before: z.coerce.number().int().positive().optional().catch(undefined),
  })
  .partial()
  .catch({});
