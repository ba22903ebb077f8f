/**
 * Shapes of the letters forms (templates, batches, tracking), shared by the forms, the server actions
 * and lib/. Values arrive as form strings; error messages are keys of "letters.errors", except a
 * template's own problem, which names the field and its line and column (template-language.ts).
 */
import { z } from 'zod';
import { recordIdSchema, textSchema } from '@/lib/fields/schemas';
import { LETTER_LANGUAGES, TARGET_KINDS } from '@/lib/targets/vocabulary';
import { PAPER_SIZES, SEND_CHANNELS, TEMPLATE_PURPOSES, TRACKED_STATUSES } from './vocabulary';
import { parseTemplate, templateProblemKey } from './template-language';

const text = (max: number) => textSchema().trim().max(max, { error: 'tooLong' });
const requiredText = (max: number) => text(max).min(1, { error: 'required' });
const id = recordIdSchema();

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dateInvalid' }).refine(isRealDate, { error: 'dateInvalid' });

/** A template body: saved only when every {{field}} is one of the declared merge fields. */
export const templateBodySchema = textSchema()
  .min(1, { error: 'required' })
  .superRefine((body, context) => {
    const parsed = parseTemplate(body);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: templateProblemKey(parsed.problem) });
  });

const caseSlugSchema = z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'recordInvalid' }).max(80, { error: 'tooLong' });

const templateFieldsSchema = z.object({
  /** Letters are written for public cases only: the slug of one the public can read. */
  caseSlug: caseSlugSchema,
  name: requiredText(200),
  purpose: z.enum(TEMPLATE_PURPOSES, { error: 'choose' }).default('organizer'),
  language: z.enum(LETTER_LANGUAGES, { error: 'choose' }),
  body: templateBodySchema,
});
export const createTemplateSchema = templateFieldsSchema;
export const updateTemplateSchema = templateFieldsSchema.extend({ templateId: id });

export const TARGET_SELECTIONS = ['kind', 'country', 'picked'] as const;

export const generateBatchSchema = z
  .object({
    templateId: id,
    selection: z.enum(TARGET_SELECTIONS, { error: 'choose' }),
    kind: z.union([z.literal(''), z.enum(TARGET_KINDS)]).optional().default(''),
    hostCountry: textSchema().trim().toUpperCase().optional().default(''),
    targetIds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((value) => [...new Set((Array.isArray(value) ? value : (value ?? '').split(',')).map((item) => item.trim()).filter(Boolean))])
      .pipe(z.array(id).max(500, { error: 'tooMany' })),
    paper: z.enum(PAPER_SIZES, { error: 'choose' }).default('a4'),
    senderName: requiredText(120),
    senderOrganisation: text(160).default(''),
  })
  .superRefine((batch, context) => {
    if (batch.selection === 'kind' && !batch.kind) context.addIssue({ code: 'custom', path: ['kind'], message: 'choose' });
    if (batch.selection === 'country' && !/^[A-Z]{2}$/.test(batch.hostCountry)) context.addIssue({ code: 'custom', path: ['hostCountry'], message: 'countryInvalid' });
    if (batch.selection === 'picked' && batch.targetIds.length === 0) context.addIssue({ code: 'custom', path: ['targetIds'], message: 'pickTargets' });
  });
export type GenerateBatch = z.output<typeof generateBatchSchema>;

/** A checkbox: present ("on"/"true") means yes. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

export const trackLetterSchema = z
  .object({
    letterId: id,
    status: z.enum(TRACKED_STATUSES, { error: 'choose' }),
    on: day,
    sentVia: z.union([z.literal(''), z.enum(SEND_CHANNELS)]).optional().default(''),
    note: text(4000).default(''),
    addToTimeline: checkbox,
    /** What the public timeline says, when the event is added to it. */
    publicTitle: text(200).default(''),
  })
  .superRefine((update, context) => {
    if (update.status === 'sent' && !update.sentVia) context.addIssue({ code: 'custom', path: ['sentVia'], message: 'choose' });
    if (update.status === 'replied' && !update.note) context.addIssue({ code: 'custom', path: ['note'], message: 'replyNoteRequired' });
    if (update.addToTimeline && !['sent', 'replied'].includes(update.status)) context.addIssue({ code: 'custom', path: ['addToTimeline'], message: 'timelineOnlySentOrReplied' });
    if (update.addToTimeline && !update.publicTitle) context.addIssue({ code: 'custom', path: ['publicTitle'], message: 'required' });
  });

/** The supporter's own letter: the text they edited and how they want it. Nothing here is stored. */
export const supporterLetterSchema = z.object({
  caseSlug: caseSlugSchema,
  language: z.enum(LETTER_LANGUAGES, { error: 'choose' }),
  hostCountry: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: 'countryInvalid' }),
  senderName: requiredText(120),
  body: requiredText(6000),
});
export type SupporterLetterInput = z.input<typeof supporterLetterSchema>;
