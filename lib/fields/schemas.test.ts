import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCaseSchema, updateCaseSchema } from '@/lib/cases/schemas';
import { templateBodySchema } from '@/lib/letters/schemas';
import { zodFieldErrors } from '@/lib/operations/result';
import { createPetitionSchema, signPetitionSchema } from '@/lib/petitions/schemas';
import { isRecordId, isStorableText, recordIdSchema, textSchema } from './schemas';

const RECORD_ID = '0b7c6f1e-8a8e-4c55-9d2a-3f1e2d4c5b6a';

describe('text a person sends', () => {
  it('is storable unless it holds a NUL or a lone surrogate', () => {
    for (const text of ['', 'Lee Tae-won', '이태원', '李泰元', 'émigré', 'tab\tand\nnewline', 'a pair: 😀', '\u{10FFFF}']) expect(isStorableText(text), JSON.stringify(text)).toBe(true);
    for (const text of ['\u0000', 'Kim\u0000', 'Kim \ud800', '\ud800', '\udc00Lee', '\udc00\ud800', 'pair then lone 😀\ud83d']) expect(isStorableText(text), JSON.stringify(text)).toBe(false);
  });

  it('fails textSchema with "textInvalid" before any length rule, and a non-string with its own message', () => {
    const schema = textSchema({ error: 'nameRequired' }).trim().min(1, { error: 'nameRequired' }).max(3, { error: 'nameTooLong' });
    expect(schema.safeParse('  Kim ').data).toBe('Kim');
    expect(schema.safeParse('\u0000\u0000\u0000\u0000').error?.issues[0]?.message).toBe('textInvalid');
    expect(schema.safeParse(42).error?.issues[0]?.message).toBe('nameRequired');
  });

  it('is refused field by field in the signing form and the staff forms', () => {
    const sign = signPetitionSchema.safeParse({ name: 'Kim\u0000', email: 'kim@example.org', country: 'KR' });
    expect(sign.success ? {} : zodFieldErrors(sign.error)).toEqual({ name: 'textInvalid' });
    const petition = createPetitionSchema.safeParse({ caseId: RECORD_ID, slug: 'p', title: 'Free \ud800them', target: 'X', body: 'ok\u0000', goal: '10' });
    expect(petition.success ? {} : zodFieldErrors(petition.error)).toEqual({ title: 'textInvalid', body: 'textInvalid' });
    const newCase = { slug: 'c', title: '\udc00', publicSummary: 'ok', urgency: 'high', lifecycle: 'draft', publicityMode: 'quiet_advocacy', familyConsentStatus: 'not_asked' };
    const created = createCaseSchema.safeParse(newCase);
    expect(created.success ? {} : zodFieldErrors(created.error)).toEqual({ title: 'textInvalid' });
    const updated = updateCaseSchema.safeParse({ ...newCase, title: 'fine', caseId: '-'.repeat(36) });
    expect(updated.success ? {} : zodFieldErrors(updated.error)).toEqual({ caseId: 'recordInvalid' });
    expect(templateBodySchema.safeParse('Dear {{target.salutation}},\u0000').error?.issues[0]?.message).toBe('textInvalid');
  });
});

describe('a record id', () => {
  it('is a UUID and nothing Postgres would refuse as one', () => {
    expect(isRecordId(RECORD_ID)).toBe(true);
    expect(isRecordId(RECORD_ID.toUpperCase())).toBe(true);
    for (const text of ['-'.repeat(36), '', 'x', `${RECORD_ID} `, `{${RECORD_ID}}`, RECORD_ID.replaceAll('-', ''), `${RECORD_ID.slice(0, 35)}\u0000`, 'gggggggg-gggg-4ggg-8ggg-gggggggggggg', null, 7]) {
      expect(isRecordId(text), JSON.stringify(text)).toBe(false);
    }
    expect(recordIdSchema('petitionUnknown').safeParse('-'.repeat(36)).error?.issues[0]?.message).toBe('petitionUnknown');
  });
});

describe('the shared field messages', () => {
  // Every catalog a form shows field errors from, in every language the app has.
  const ERROR_CATALOGS: [file: string, path: string[]][] = [
    ['advocacy.json', ['advocacy', 'errors']],
    ['letters.json', ['letters', 'errors']],
    ['petitions.json', ['petitionErrors']],
    ['petitions.json', ['petitionConsole', 'errors']],
    ['staff.json', ['staff', 'errors']],
  ];
  const locales = fs.readdirSync(path.join(process.cwd(), 'messages'));

  it('put "textInvalid" into words in every error catalog and every language', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'ko']));
    for (const locale of locales) {
      for (const [file, keys] of ERROR_CATALOGS) {
        const catalog = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, JSON.parse(fs.readFileSync(path.join(process.cwd(), 'messages', locale, file), 'utf8')));
        expect(catalog.textInvalid, `${locale}/${file} ${keys.join('.')}`).toEqual(expect.stringMatching(/\S/));
      }
    }
  });
});
