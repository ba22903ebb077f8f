import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { custodyStatus, familyConsentStatus, personRelation, staffRole, urgencyLevel, verificationGrade } from '@/db/schema/enums';
import { type CatalogName, messageCatalog } from './catalogs';
import { LOCALES } from './locales';

// Sentences that depend on a status, a role or a relation word it themselves with `select`, never by
// pasting a translated label into a template. Each select must name every value of its vocabulary but
// one (which `other` words): a value added to the enum and forgotten here would be worded as another.
const SENTENCES: { catalog: CatalogName; key: string; argument: string; values: readonly string[] }[] = [
  { catalog: 'public', key: 'caseStatus.line', argument: 'status', values: custodyStatus.enumValues },
  { catalog: 'public', key: 'case.personDetails', argument: 'relation', values: personRelation.enumValues },
  { catalog: 'public', key: 'case.urgencyLine', argument: 'urgency', values: urgencyLevel.enumValues },
  { catalog: 'public', key: 'case.verificationLine', argument: 'grade', values: verificationGrade.enumValues },
  { catalog: 'staff', key: 'staff.console.title', argument: 'role', values: staffRole.enumValues },
  { catalog: 'staff', key: 'staff.invite.intro', argument: 'role', values: staffRole.enumValues },
  { catalog: 'advocacy', key: 'advocacy.publication.consent', argument: 'status', values: familyConsentStatus.enumValues },
];

function messageAt(catalog: unknown, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
  if (typeof value !== 'string') throw new Error(`${key} is not a message`);
  return value;
}

function selectCases(elements: MessageFormatElement[], argument: string): string[] | null {
  for (const element of elements) {
    if (element.type === TYPE.select && element.value === argument) return Object.keys(element.options);
    const inTag = element.type === TYPE.tag ? selectCases(element.children, argument) : null;
    if (inTag) return inTag;
  }
  return null;
}

describe('sentences worded whole in each language', () => {
  for (const { catalog, key, argument, values } of SENTENCES) {
    for (const locale of LOCALES) {
      it(`${locale} ${key}: names every ${argument} but the one "other" words`, () => {
        const cases = selectCases(parse(messageAt(messageCatalog(locale, catalog), key)), argument);
        expect(cases, 'a select on the value itself').not.toBeNull();
        const named = cases!.filter((value) => value !== 'other');
        expect(named.filter((value) => !values.includes(value)), 'cases that are not values').toEqual([]);
        expect(values.filter((value) => !named.includes(value)), 'values left to "other"').toHaveLength(1);
      });
    }
  }

  it('word the case status line with its place and date, in each language', () => {
    const line = (locale: (typeof LOCALES)[number], detail: string) =>
      createTranslator({ locale, messages: messageCatalog(locale, 'public') })('caseStatus.line', { alias: 'Kim', status: 'detained_in_china', detail, place: 'Dandong', date: 'D' });
    expect(line('en', 'withPlace')).toBe('Kim: Detained in China, Dandong, as of D');
    expect(line('en', 'undated')).toBe('Kim: Detained in China');
    expect(line('ko', 'withPlace')).toBe('Kim: 중국 당국에 구금되어 있음 (Dandong, D 기준)');
    expect(line('zh', 'withoutPlace')).toBe('Kim：被中国当局拘押（截至D）');
  });

  it('word a person’s details as one parenthesis, in each language', () => {
    const details = (locale: (typeof LOCALES)[number], minor: string, birth: string) =>
      createTranslator({ locale, messages: messageCatalog(locale, 'public') })('case.personDetails', { relation: 'son', minor, birth, year: '2013' });
    expect(details('en', 'yes', 'approximate')).toBe('(Son, child, born c. 2013)');
    expect(details('en', 'no', 'unknown')).toBe('(Son)');
    expect(details('ko', 'yes', 'exact')).toBe('(아들, 아동, 2013년생)');
    expect(details('zh', 'yes', 'exact')).toBe('（儿子，儿童，生于2013年）');
  });
});
