/**
 * Shapes of petition input, shared by the sign form (react-hook-form), the signing API and the
 * organizer console. Error messages are keys of the "petitionErrors" catalog.
 */
import { z } from 'zod';
import { BLOCKLIST_KINDS, COUNTRY_CODES, SIGNER_DISPLAYS, SIGNING_LOCALES } from './vocabulary';

/** A checkbox or a JSON boolean: "on"/"true"/true mean yes; absent means no. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

export const signPetitionSchema = z.object({
  name: z
    .string({ error: 'nameRequired' })
    .trim()
    .min(1, { error: 'nameRequired' })
    .max(100, { error: 'nameTooLong' }),
  email: z
    .string({ error: 'emailInvalid' })
    .trim()
    .max(254, { error: 'emailInvalid' })
    .pipe(z.email({ error: 'emailInvalid' })),
  country: z.enum(COUNTRY_CODES, { error: 'countryRequired' }),
  display: z.enum(SIGNER_DISPLAYS, { error: 'displayInvalid' }).default('anonymous'),
  wantsUpdates: checkbox,
  locale: z.enum(SIGNING_LOCALES).catch('en').default('en'),
});
export type SignPetitionInput = z.input<typeof signPetitionSchema>;
export type SignPetitionData = z.output<typeof signPetitionSchema>;

/** The form's own field names, in the order errors are reported. */
export const SIGN_FIELDS = ['name', 'email', 'country', 'display', 'wantsUpdates'] as const;

const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'slugInvalid' })
  .max(80, { error: 'slugInvalid' });

/** An optional date-time from a datetime-local input (read as UTC) or an ISO string; empty means none. */
const optionalInstant = z
  .union([z.date(), z.string().trim(), z.null()])
  .optional()
  .transform((value, context) => {
    if (value instanceof Date) return value;
    if (!value) return null;
    const parsed = new Date(/Z|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
    if (Number.isNaN(parsed.getTime())) {
      context.addIssue({ code: 'custom', message: 'dateInvalid' });
      return z.NEVER;
    }
    return parsed;
  });

export const petitionFieldsSchema = z.object({
  slug: slugSchema,
  title: z.string().trim().min(1, { error: 'titleRequired' }).max(200, { error: 'titleTooLong' }),
  body: z.string().trim().max(20_000, { error: 'bodyTooLong' }).default(''),
  target: z.string().trim().min(1, { error: 'targetRequired' }).max(200, { error: 'targetTooLong' }),
  goal: z.coerce.number({ error: 'goalInvalid' }).int({ error: 'goalInvalid' }).min(1, { error: 'goalInvalid' }).max(100_000_000, { error: 'goalInvalid' }),
  opensAt: optionalInstant,
  closesAt: optionalInstant,
});

export const createPetitionSchema = petitionFieldsSchema.extend({ caseId: z.uuid({ error: 'caseRequired' }) });
export type CreatePetitionInput = z.input<typeof createPetitionSchema>;

export const updatePetitionSchema = petitionFieldsSchema.extend({
  petitionId: z.uuid(),
  // Closing and delivery have operations of their own.
  status: z.enum(['draft', 'open', 'paused'], { error: 'statusInvalid' }),
});
export type UpdatePetitionInput = z.input<typeof updatePetitionSchema>;

export const petitionIdSchema = z.object({ petitionId: z.uuid() });
export type PetitionIdInput = z.input<typeof petitionIdSchema>;

export const markDeliveredSchema = petitionIdSchema.extend({
  deliveredOn: z.iso.date({ error: 'dateInvalid' }),
  deliveredTo: z.string().trim().min(1, { error: 'recipientRequired' }).max(200, { error: 'recipientTooLong' }),
  note: z.string().trim().max(2000, { error: 'noteTooLong' }).default(''),
});
export type MarkDeliveredInput = z.input<typeof markDeliveredSchema>;

/** Which signatures an invalidation sets aside: every given criterion must match. */
export const signatureFilterSchema = z
  .object({
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .max(253)
      .regex(/^$|^[a-z0-9.-]+\.[a-z]{2,}$/, { error: 'domainInvalid' })
      .default(''),
    ipHash: z
      .string()
      .trim()
      .regex(/^$|^[0-9a-f]{32}$/, { error: 'ipHashInvalid' })
      .default(''),
    from: optionalInstant,
    to: optionalInstant,
  })
  .refine((filter) => filter.domain || filter.ipHash || filter.from || filter.to, { error: 'filterEmpty', path: ['domain'] });

/** Held signatures to count: those of one address hash, or (empty) all of the petition's. */
export const releaseHeldSignaturesSchema = petitionIdSchema.extend({
  ipHash: z
    .string()
    .trim()
    .regex(/^$|^[0-9a-f]{32}$/, { error: 'ipHashInvalid' })
    .default(''),
});

export const invalidateSignaturesSchema = z.intersection(
  petitionIdSchema.extend({ reason: z.string().trim().min(3, { error: 'reasonRequired' }).max(500, { error: 'reasonTooLong' }) }),
  signatureFilterSchema,
);
export type InvalidateSignaturesInput = z.input<typeof invalidateSignaturesSchema>;

export const restoreSignaturesSchema = z.object({ invalidationId: z.uuid() });
export type RestoreSignaturesInput = z.input<typeof restoreSignaturesSchema>;

export const addBlocklistEntrySchema = z.object({
  kind: z.enum(BLOCKLIST_KINDS, { error: 'kindInvalid' }),
  value: z.string().trim().toLowerCase().min(1, { error: 'valueRequired' }).max(253, { error: 'valueInvalid' }),
  note: z.string().trim().max(500, { error: 'noteTooLong' }).default(''),
});
export type AddBlocklistEntryInput = z.input<typeof addBlocklistEntrySchema>;

export const removeBlocklistEntrySchema = z.object({ entryId: z.uuid() });
export type RemoveBlocklistEntryInput = z.input<typeof removeBlocklistEntrySchema>;

export const sitePauseSchema = z.object({ signingPaused: checkbox });
export type SitePauseInput = z.input<typeof sitePauseSchema>;

