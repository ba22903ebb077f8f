/**
 * Shapes of the advocate console's forms, shared by the forms (react-hook-form), the server actions and
 * the lib/ operations. Values arrive as form strings; error messages are keys of "advocacy.errors".
 */
import { z } from 'zod';
import { recordIdSchema, textSchema } from '@/lib/fields/schemas';
import {
  CASE_LIFECYCLES,
  CUSTODY_STATUSES,
  DATE_PRECISIONS,
  EVENT_VISIBILITIES,
  FAMILY_CONSENT_STATUSES,
  PERSON_RELATIONS,
  PUBLICITY_MODES,
  SOURCE_KINDS,
  TIMELINE_EVENT_TYPES,
  URGENCY_LEVELS,
} from './vocabulary';

/** A checkbox: present ("on"/"true") means yes. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

const text = (max: number) => textSchema().trim().max(max, { error: 'tooLong' });
const requiredText = (max: number) => text(max).min(1, { error: 'required' });

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const dateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dateInvalid' })
  .refine(isRealDate, { error: 'dateInvalid' });
/** An optional date: empty means none. (Schemas here accept their own output, so an operation may parse again.) */
const optionalDate = z
  .union([z.literal(''), dateSchema])
  .nullish()
  .transform((value) => (value ? value : null));
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const idSchema = recordIdSchema();
/** Several ids in one form field, comma-separated (a multi-select writes it). */
const idListSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value : (value ?? '').split(',')).map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(idSchema).max(50, { error: 'tooMany' }))
  .transform((ids) => [...new Set(ids)]);

const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'slugInvalid' })
  .max(80, { error: 'tooLong' });

const caseFieldsSchema = z.object({
  slug: slugSchema,
  title: requiredText(200),
  publicSummary: text(4000).default(''),
  internalNotes: text(10000).default(''),
  urgency: z.enum(URGENCY_LEVELS, { error: 'choose' }),
  lifecycle: z.enum(CASE_LIFECYCLES, { error: 'choose' }),
  publicityMode: z.enum(PUBLICITY_MODES, { error: 'choose' }),
  familyConsentStatus: z.enum(FAMILY_CONSENT_STATUSES, { error: 'choose' }),
  familyConsentRecordedOn: optionalDate,
  consentWaiverReason: text(2000).default(''),
  nextReviewOn: optionalDate,
});
export const createCaseSchema = caseFieldsSchema;
export type CaseFieldsInput = z.input<typeof caseFieldsSchema>;
export const updateCaseSchema = caseFieldsSchema.extend({ caseId: idSchema });

const birthYearSchema = z
  .union([z.literal(''), z.coerce.number({ error: 'yearInvalid' }).int({ error: 'yearInvalid' }).min(1900, { error: 'yearInvalid' }).max(2100, { error: 'yearInvalid' })])
  .nullish()
  .transform((value) => (value === '' || value === undefined || value === null ? null : value));

const personFieldsSchema = z.object({
  caseId: idSchema,
  publicAlias: requiredText(120),
  legalName: optionalText(200),
  relation: z.enum(PERSON_RELATIONS, { error: 'choose' }),
  birthYear: birthYearSchema,
  birthYearApproximate: checkbox,
  isMinor: checkbox,
  custodyStatus: z.enum(CUSTODY_STATUSES, { error: 'choose' }),
  custodyPlace: optionalText(200),
  custodyAsOf: optionalDate,
  custodyAsOfPrecision: z.enum(DATE_PRECISIONS, { error: 'choose' }),
  internalNotes: text(10000).default(''),
});
export const createPersonSchema = personFieldsSchema;
export type PersonFieldsInput = z.input<typeof personFieldsSchema>;
export const updatePersonSchema = personFieldsSchema.extend({ personId: idSchema });

/** A source added from the event form, cited by the event as soon as it exists. */
const newSourceFields = {
  newSourceKind: z.union([z.literal(''), z.enum(SOURCE_KINDS, { error: 'choose' })]).nullish(),
  newSourceAttribution: text(300).optional(),
  newSourceName: optionalText(300),
  newSourceUrl: optionalText(1000),
  newSourceMayBeNamed: checkbox,
  newSourceOrigin: text(300).optional(),
};

export const eventFieldsSchema = z
  .object({
    caseId: idSchema,
    occurredOn: dateSchema,
    occurredPrecision: z.enum(DATE_PRECISIONS, { error: 'choose' }),
    endedOn: optionalDate,
    eventType: z.enum(TIMELINE_EVENT_TYPES, { error: 'choose' }),
    title: requiredText(300),
    description: text(5000).default(''),
    place: optionalText(200),
    visibility: z.enum(EVENT_VISIBILITIES, { error: 'choose' }),
    disputed: checkbox,
    internalNotes: text(10000).default(''),
    personIds: idListSchema,
    sourceIds: idListSchema,
    /** Why it is safe to make the event public, for the approver. */
    publicationNote: text(2000).default(''),
    /** "Update the custody status of the people concerned": status and place, as of the event's date. */
    updateCustody: checkbox,
    custodyStatus: z.union([z.literal(''), z.enum(CUSTODY_STATUSES, { error: 'choose' })]).optional(),
    custodyPlace: optionalText(200),
    ...newSourceFields,
  })
  .superRefine((event, context) => {
    if (event.endedOn && event.endedOn < event.occurredOn) {
      context.addIssue({ code: 'custom', path: ['endedOn'], message: 'endBeforeStart' });
    }
    if (event.updateCustody) {
      if (!event.custodyStatus) context.addIssue({ code: 'custom', path: ['custodyStatus'], message: 'choose' });
      if (event.personIds.length === 0) context.addIssue({ code: 'custom', path: ['personIds'], message: 'custodyNeedsPeople' });
    }
    const addsSource = Boolean(event.newSourceAttribution?.trim());
    if (addsSource && !event.newSourceKind) context.addIssue({ code: 'custom', path: ['newSourceKind'], message: 'choose' });
    if (!addsSource && event.newSourceKind) {
      context.addIssue({ code: 'custom', path: ['newSourceAttribution'], message: 'required' });
    }
    if (event.newSourceUrl && !/^https?:\/\/\S+$/i.test(event.newSourceUrl)) {
      context.addIssue({ code: 'custom', path: ['newSourceUrl'], message: 'urlInvalid' });
    }
  });
export type EventFieldsInput = z.input<typeof eventFieldsSchema>;
export type EventFields = z.output<typeof eventFieldsSchema>;
export const createEventSchema = eventFieldsSchema;
export const updateEventSchema = z.intersection(eventFieldsSchema, z.object({ eventId: idSchema }));

const publicReason = requiredText(280);
/** A correction changes a public event in the open: the public reads the reason and the date. */
/** Filled only to publish a correction at once, where the case rules allow it (reviewed after). Never public. */
const urgentReason = text(2000).default('');
export const correctEventSchema = z.intersection(
  eventFieldsSchema,
  z.object({ eventId: idSchema, publicReason, correctionNote: text(2000).default(''), urgentReason }),
);
export const retractEventSchema = z.object({
  caseId: idSchema,
  eventId: idSchema,
  publicReason,
  correctionNote: text(2000).default(''),
  urgentReason,
});

const sourceFieldsSchema = z.object({
  kind: z.enum(SOURCE_KINDS, { error: 'choose' }),
  publicAttribution: requiredText(300),
  mayBeNamed: checkbox,
  name: optionalText(300),
  url: optionalText(1000).refine((value) => value === null || /^https?:\/\/\S+$/i.test(value), { error: 'urlInvalid' }),
  origin: text(300).default(''),
  internalNotes: text(10000).default(''),
});
export type SourceFieldsInput = z.input<typeof sourceFieldsSchema>;
export const updateSourceSchema = sourceFieldsSchema.extend({ sourceId: idSchema });
export const sourceIdSchema = z.object({ sourceId: idSchema });

/** Asks to publish the case's working copy as it stands (or to take the case down). */
export const requestPublicationSchema = z.object({
  caseId: idSchema,
  note: text(2000).default(''),
});
/** The reviewer approves what the page showed them: the request's content hash travels with the form. */
export const approvePublicationSchema = z.object({
  requestId: idSchema,
  contentHash: z.string({ error: 'changedSinceReview' }).regex(/^[0-9a-f]{64}$/, { error: 'changedSinceReview' }),
});
export const requestIdSchema = z.object({ requestId: idSchema });
export const publicationPreviewSchema = z.object({ caseId: idSchema, requestId: idSchema });
export const rejectPublicationSchema = z.object({
  requestId: idSchema,
  reason: text(2000).refine((value) => value.trim().length > 0, { error: 'rejectionReasonRequired' }),
});

export const caseRulesSchema = z.object({
  requireSecondApproval: checkbox,
  allowUrgentCorrections: checkbox,
  reviewAfterDays: z.coerce.number({ error: 'daysInvalid' }).int({ error: 'daysInvalid' }).min(1, { error: 'daysInvalid' }).max(3650, { error: 'daysInvalid' }),
});

export const caseIdSchema = z.object({ caseId: idSchema });

/** The console's list filters, from the query string; anything unknown is ignored, not an error. */
const optionalFilter = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
export const caseListFilterSchema = z.object({
  q: textSchema().trim().max(200).optional().catch(undefined),
  custodyStatus: optionalFilter(CUSTODY_STATUSES),
  urgency: optionalFilter(URGENCY_LEVELS),
  publicityMode: optionalFilter(PUBLICITY_MODES),
  lifecycle: optionalFilter(CASE_LIFECYCLES),
  reviewDue: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => value === '1' || value === 'true' || value === 'on'),
});
