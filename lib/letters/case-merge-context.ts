/**
 * What a letter may say about a case: built only from the public projection (getPublicCase) and the
 * public petition count, never from the case's own rows. A case the public cannot see has no context,
 * so no letter can be written about it.
 */
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitions } from '@/db/schema';
import { getPublicCase } from '@/lib/cases/get-public-case';
import type { PublicPerson } from '@/lib/cases/public';
import { caseIsPublic } from '@/lib/cases/public-queries';
import { getPetitionCount } from '@/lib/petitions/get-petition-count';
import { petitionIsPublic } from '@/lib/petitions/public-queries';
import type { LetterLanguage } from '@/lib/targets/vocabulary';
import type { TargetSnapshot } from './printable-letter';
import { addressNameFor, custodyWords, letterDate, letterPerson, type MergeValues } from './template-language';

export interface CaseMergeContext {
  caseId: string;
  slug: string;
  title: string;
  /** The person the letter is about: the first public person not (yet) in safety. */
  person: Pick<PublicPerson, 'alias' | 'custodyStatus'> | null;
  petitionConfirmed: number | null;
}

export async function loadCaseMergeContext(slug: string): Promise<CaseMergeContext | null> {
  const publicCase = await getPublicCase(slug);
  if (!publicCase) return null;
  const db = await getDb();
  const [row] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.slug, slug), caseIsPublic)).limit(1);
  if (!row) return null;
  const [petition] = await db
    .select({ slug: petitions.slug })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(and(eq(petitions.caseId, row.id), petitionIsPublic))
    .orderBy(desc(petitions.createdAt))
    .limit(1);
  const count = petition ? await getPetitionCount(petition.slug) : null;
  const person = letterPerson(publicCase.people);
  return {
    caseId: row.id,
    slug: publicCase.slug,
    title: publicCase.title,
    person: person ? { alias: person.alias, custodyStatus: person.custodyStatus } : null,
    petitionConfirmed: count?.confirmed ?? null,
  };
}

export function numberWords(value: number, language: LetterLanguage): string {
  return new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : language === 'ko' ? 'ko-KR' : 'en-GB').format(value);
}

/** Every merge field's value for one target, as plain text in the letter's language. */
export function mergeValues(
  context: CaseMergeContext,
  target: Pick<TargetSnapshot, 'nameEn' | 'nameLocal' | 'nameZh' | 'hostCountry' | 'salutation'>,
  language: LetterLanguage,
  sender: { name: string; organisation: string },
  today: string,
): MergeValues {
  return {
    'target.salutation': target.salutation,
    'target.name': addressNameFor(target, language),
    'case.title': context.title,
    'person.alias': context.person?.alias ?? '',
    'person.status': context.person ? custodyWords(context.person.custodyStatus, language) : '',
    'petition.confirmed': context.petitionConfirmed === null ? '' : numberWords(context.petitionConfirmed, language),
    today: letterDate(today, language),
    'sender.name': sender.name,
    'sender.organisation': sender.organisation,
  };
}
