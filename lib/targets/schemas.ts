/**
 * Shapes of a directory entry, shared by the target form, the CSV import and the server. Values arrive
 * as strings; error messages are keys of "letters.errors".
 */
import { z } from 'zod';
import { recordIdSchema, textSchema } from '@/lib/fields/schemas';
import { LETTER_LANGUAGES, TARGET_KINDS, TARGET_STATUSES } from './vocabulary';

const text = (max: number) => textSchema().trim().max(max, { error: 'tooLong' });
const requiredText = (max: number) => text(max).min(1, { error: 'required' });
const optionalText = (max: number) => text(max).optional().default('');

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-Z]{2}|UN)$/, { error: 'countryInvalid' });

const httpsUrl = z
  .string()
  .trim()
  .max(500, { error: 'tooLong' })
  .refine((value) => value === '' || /^https?:\/\/[^\s<>"]+$/i.test(value), { error: 'urlInvalid' })
  .optional()
  .default('');

const email = z
  .string()
  .trim()
  .max(200, { error: 'tooLong' })
  .refine((value) => value === '' || /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value), { error: 'emailInvalid' })
  .optional()
  .default('');

const phone = z
  .string()
  .trim()
  .max(40, { error: 'tooLong' })
  .refine((value) => value === '' || /^\+?[\d ()./-]{5,}$/.test(value), { error: 'phoneInvalid' })
  .optional()
  .default('');

/** "zh, en" → ['zh', 'en']: at least one, each a letter language, no repeats. */
const preferredLanguagesSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => [...new Set((Array.isArray(value) ? value : (value ?? '').split(/[,\s]+/)).map((item) => item.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(z.enum(LETTER_LANGUAGES, { error: 'languageInvalid' })).min(1, { error: 'required' }));

export const targetFieldsSchema = z.object({
  key: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'keyInvalid' })
    .max(80, { error: 'tooLong' }),
  kind: z.enum(TARGET_KINDS, { error: 'choose' }),
  nameEn: requiredText(300),
  nameLocal: optionalText(300),
  nameZh: optionalText(300),
  representsCountry: countryCode,
  hostCountry: countryCode,
  city: requiredText(120),
  addressLines: requiredText(1000).refine((value) => value.split('\n').length <= 8, { error: 'tooManyLines' }),
  email,
  fax: phone,
  phone,
  website: httpsUrl,
  webFormUrl: httpsUrl,
  headTitle: optionalText(200),
  salutationEn: requiredText(200),
  salutationKo: requiredText(200),
  salutationZh: requiredText(200),
  preferredLanguages: preferredLanguagesSchema,
  sourceUrl: httpsUrl,
  sourceNotes: optionalText(2000),
  verifiedOn: z
    .union([z.literal(''), z.null(), z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dateInvalid' }).refine(isRealDate, { error: 'dateInvalid' })])
    .optional()
    .transform((value) => (value ? value : null)),
  status: z.enum(TARGET_STATUSES, { error: 'choose' }).default('active'),
});
/** What the form posts, or what the server action already parsed: the operations parse either. */
export type TargetFieldsInput = z.input<typeof targetFieldsSchema> | z.output<typeof targetFieldsSchema>;
export type TargetFields = z.output<typeof targetFieldsSchema>;

export const createTargetSchema = targetFieldsSchema;
export const updateTargetSchema = targetFieldsSchema.extend({ targetId: recordIdSchema() });

export const importTargetsSchema = z.object({
  csv: z.string().min(1, { error: 'required' }).max(2_000_000, { error: 'tooLong' }),
});
