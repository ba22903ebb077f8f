/**
 * What a supporter needs to write their own letter about a public case: the case's supporters'
 * templates, the public values a letter may carry, and China's embassies with verified addresses.
 * Public read, no session: everything here comes from the public projection or the directory.
 */
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { letterTargets, letterTemplates } from '@/db/schema';
import { LETTER_LANGUAGES, type LetterLanguage } from '@/lib/targets/vocabulary';
import { loadCaseMergeContext, numberWords } from './case-merge-context';
import { custodyWords, letterDate } from './template-language';

export interface SupporterEmbassy {
  hostCountry: string;
  city: string;
  nameEn: string;
  nameLocal: string;
  nameZh: string;
  addressLines: string;
  /** How the embassy takes letters besides the post, where it publishes them ('' when it does not). */
  email: string;
  fax: string;
  webFormUrl: string;
  salutations: Record<LetterLanguage, string>;
}

export interface SupporterLetterKit {
  slug: string;
  title: string;
  templates: Partial<Record<LetterLanguage, string>>;
  values: Record<LetterLanguage, { personAlias: string; personStatus: string; petitionConfirmed: string; today: string }>;
  embassies: SupporterEmbassy[];
}

export async function getSupporterLetterKit(slug: string): Promise<SupporterLetterKit | null> {
  const context = await loadCaseMergeContext(slug);
  if (!context) return null;
  const db = await getDb();
  const templates = await db
    .select({ language: letterTemplates.language, body: letterTemplates.body })
    .from(letterTemplates)
    .where(and(eq(letterTemplates.caseId, context.caseId), eq(letterTemplates.purpose, 'supporter')));
  const embassies = await chinaEmbassies();
  const today = new Date().toISOString().slice(0, 10);
  return {
    slug: context.slug,
    title: context.title,
    templates: Object.fromEntries(templates.map((template) => [template.language, template.body])),
    values: Object.fromEntries(
      LETTER_LANGUAGES.map((language) => [
        language,
        {
          personAlias: context.person?.alias ?? '',
          personStatus: context.person ? custodyWords(context.person.custodyStatus, language) : '',
          petitionConfirmed: context.petitionConfirmed === null ? '' : numberWords(context.petitionConfirmed, language),
          today: letterDate(today, language),
        },
      ]),
    ) as SupporterLetterKit['values'],
    embassies,
  };
}

/** China's active embassies in the directory, one per host country. */
export async function chinaEmbassies(): Promise<SupporterEmbassy[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(letterTargets)
    .where(and(eq(letterTargets.kind, 'embassy'), eq(letterTargets.representsCountry, 'CN'), eq(letterTargets.status, 'active')))
    .orderBy(asc(letterTargets.hostCountry));
  const seen = new Set<string>();
  return rows
    .filter((row) => !seen.has(row.hostCountry) && Boolean(seen.add(row.hostCountry)))
    .map((row) => ({
      hostCountry: row.hostCountry,
      city: row.city,
      nameEn: row.nameEn,
      nameLocal: row.nameLocal,
      nameZh: row.nameZh,
      addressLines: row.addressLines,
      email: row.email,
      fax: row.fax,
      webFormUrl: row.webFormUrl,
      salutations: { en: row.salutationEn, ko: row.salutationKo, zh: row.salutationZh },
    }));
}
