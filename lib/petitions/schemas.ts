/**
 * Shapes of petition input, shared by the sign form (react-hook-form), the signing API and the
 * organizer console. Error messages are keys of the "petitionErrors" catalog.
 */
import { z } from 'zod';
import { recordIdSchema, textSchema } from '@/lib/fields/schemas';
import { formatMilestones, parseMilestones } from './milestones';
import { BLOCKLIST_KINDS, COUNTRY_CODES, EDITABLE_PETITION_STATUSES, SIGNER_DISPLAYS, SIGNING_LOCALES } from './vocabulary';

/** A checkbox or a JSON boolean: "on"/"true"/true mean yes; absent means no. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

export const signPetitionSchema = z.object({
  name: textSchema({ error: 'nameRequired' })
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

/** Milestones as the organizer writes them (one a line, "1000: what happens") or as stored; a list either way. */
const milestonesSchema = z
  .union([
    textSchema(),
    z.array(z.object({ signatures: z.number(), note: z.string() })),
  ])
  .default('')
  .transform((value, context) => {
    const parsed = parseMilestones(typeof value === 'string' ? value : formatMilestones(value));
    if (parsed.ok) return parsed.milestones;
    context.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  });

const petitionFieldsSchema = z.object({
  slug: slugSchema,
  title: textSchema().trim().min(1, { error: 'titleRequired' }).max(200, { error: 'titleTooLong' }),
  body: textSchema().trim().max(20_000, { error: 'bodyTooLong' }).default(''),
  target: textSchema().trim().min(1, { error: 'targetRequired' }).max(200, { error: 'targetTooLong' }),
  goal: z.coerce.number({ error: 'goalInvalid' }).int({ error: 'goalInvalid' }).min(1, { error: 'goalInvalid' }).max(100_000_000, { error: 'goalInvalid' }),
  opensAt: optionalInstant,
  closesAt: optionalInstant,
  milestones: milestonesSchema,
});

export const createPetitionSchema = petitionFieldsSchema.extend({ caseId: recordIdSchema('caseRequired') });

export const updatePetitionSchema = petitionFieldsSchema.extend({
  petitionId: recordIdSchema('petitionUnknown'),
  // Closing and delivery have operations of their own.
  status: z.enum(EDITABLE_PETITION_STATUSES, { error: 'statusInvalid' }),
});

export const petitionIdSchema = z.object({ petitionId: recordIdSchema('petitionUnknown') });

export const markDeliveredSchema = petitionIdSchema.extend({
  deliveredOn: z.iso.date({ error: 'dateInvalid' }),
  deliveredTo: textSchema().trim().min(1, { error: 'recipientRequired' }).max(200, { error: 'recipientTooLong' }),
  note: textSchema().trim().max(2000, { error: 'noteTooLong' }).default(''),
});

/** An address hash as hashAddress (lib/petitions/sign-petition.ts) makes it. */
export const ADDRESS_HASH = /^[0-9a-f]{32}$/;
const optionalAddressHash = z
  .string()
  .trim()
  .regex(/^$|^[0-9a-f]{32}$/, { error: 'ipHashInvalid' })
  .default('');

/** Which signatures an invalidation sets aside: every given criterion must match. */
const signatureFilterSchema = z
  .object({
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .max(253)
      .regex(/^$|^[a-z0-9.-]+\.[a-z]{2,}$/, { error: 'domainInvalid' })
      .default(''),
    ipHash: optionalAddressHash,
    from: optionalInstant,
    to: optionalInstant,
  })
  .refine((filter) => filter.domain || filter.ipHash || filter.from || filter.to, { error: 'filterEmpty', path: ['domain'] });

/** Held signatures to count: those of one address hash, or (empty) all of the petition's. */
export const releaseHeldSignaturesSchema = petitionIdSchema.extend({ ipHash: optionalAddressHash });

export const invalidateSignaturesSchema = z.intersection(
  petitionIdSchema.extend({ reason: textSchema().trim().min(3, { error: 'reasonRequired' }).max(500, { error: 'reasonTooLong' }) }),
  signatureFilterSchema,
);

export const restoreSignaturesSchema = z.object({ invalidationId: recordIdSchema('invalidationUnknown') });

export const addBlocklistEntrySchema = z.object({
  kind: z.enum(BLOCKLIST_KINDS, { error: 'kindInvalid' }),
  value: textSchema().trim().toLowerCase().min(1, { error: 'valueRequired' }).max(253, { error: 'valueInvalid' }),
  note: textSchema().trim().max(500, { error: 'noteTooLong' }).default(''),
});
export type AddBlocklistEntryInput = z.input<typeof addBlocklistEntrySchema>;

export const removeBlocklistEntrySchema = z.object({ entryId: recordIdSchema('entryUnknown') });

export const sitePauseSchema = z.object({ signingPaused: checkbox });


/** The most people an event may expect, and the longest it may run: a rally, not a standing exemption. */
export const EVENT_MAX_CROWD = 1_000_000;
export const EVENT_MAX_HOURS = 48;

/** An event for a rally: while it runs, one address may sign as often as the crowd needs. */
export const startPetitionEventSchema = petitionIdSchema
  .extend({
    label: textSchema({ error: 'eventLabelRequired' }).trim().min(3, { error: 'eventLabelRequired' }).max(200, { error: 'eventLabelTooLong' }),
    startsAt: optionalInstant,
    endsAt: optionalInstant,
    expectedCrowd: z.coerce
      .number({ error: 'expectedCrowdInvalid' })
      .int({ error: 'expectedCrowdInvalid' })
      .min(1, { error: 'expectedCrowdInvalid' })
      .max(EVENT_MAX_CROWD, { error: 'expectedCrowdInvalid' }),
  })
  .superRefine((event, context) => {
    if (!event.endsAt) {
      context.addIssue({ code: 'custom', path: ['endsAt'], message: 'eventEndRequired' });
      return;
    }
    const startsAt = event.startsAt ?? new Date();
    if (event.endsAt.getTime() <= startsAt.getTime()) context.addIssue({ code: 'custom', path: ['endsAt'], message: 'eventEndsBeforeStart' });
    else if (event.endsAt.getTime() - startsAt.getTime() > EVENT_MAX_HOURS * 3600_000) context.addIssue({ code: 'custom', path: ['endsAt'], message: 'eventTooLong' });
  });
export type StartPetitionEventInput = z.input<typeof startPetitionEventSchema>;
