/**
 * What the template editor needs: the templates, the public cases a template may be for with the
 * public values a letter would carry (for the live preview), and the targets to preview against.
 */
import 'server-only';
import { z } from 'zod';
import { listPublicCases } from '@/lib/cases/list-public-cases';
import { defineOperation } from '@/lib/operations/define-operation';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { LETTER_LANGUAGES, type LetterLanguage } from '@/lib/targets/vocabulary';
import { loadActiveTargets } from './active-targets';
import { loadCaseMergeContext, numberWords } from './case-merge-context';
import { custodyWords, letterDate } from './template-language';
import { loadTemplates } from './template-queries';
import type { TemplateRecord } from './template-record';

export interface TemplateWorkspace {
  templates: TemplateRecord[];
  cases: { slug: string; title: string; values: Record<LetterLanguage, { personAlias: string; personStatus: string; petitionConfirmed: string }> }[];
  targets: { id: string; nameEn: string; nameLocal: string; nameZh: string; hostCountry: string; addressLines: string; salutations: Record<LetterLanguage, string> }[];
  today: Record<LetterLanguage, string>;
}

const perLanguage = <T,>(value: (language: LetterLanguage) => T) => Object.fromEntries(LETTER_LANGUAGES.map((language) => [language, value(language)])) as Record<LetterLanguage, T>;

export const getTemplateWorkspace = defineOperation({
  name: 'templates.list',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db }): Promise<OperationResult<TemplateWorkspace>> {
    const [templates, targets, publicCases] = [await loadTemplates(db), await loadActiveTargets(db), await listPublicCases()];
    const cases = [];
    for (const publicCase of publicCases) {
      const context = await loadCaseMergeContext(publicCase.slug);
      if (!context) continue;
      cases.push({
        slug: context.slug,
        title: context.title,
        values: perLanguage((language) => ({
          personAlias: context.person?.alias ?? '',
          personStatus: context.person ? custodyWords(context.person.custodyStatus, language) : '',
          petitionConfirmed: context.petitionConfirmed === null ? '' : numberWords(context.petitionConfirmed, language),
        })),
      });
    }
    const today = new Date().toISOString().slice(0, 10);
    return succeeded({
      templates,
      cases,
      targets: targets.map((target) => ({
          id: target.id,
          nameEn: target.nameEn,
          nameLocal: target.nameLocal,
          nameZh: target.nameZh,
          hostCountry: target.hostCountry,
          addressLines: target.addressLines,
          salutations: { en: target.salutationEn, ko: target.salutationKo, zh: target.salutationZh },
        })),
      today: perLanguage((language) => letterDate(today, language)),
    });
  },
});
