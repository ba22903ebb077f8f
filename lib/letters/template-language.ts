/**
 * The letter template language: plain text with merge fields from one declared list, e.g.
 * "{{target.salutation}}". There are no expressions, filters, loops or markup: a field is replaced by
 * its value as plain text, and anything else between "{{" and "}}" is refused with its line and column.
 * Pure, so the editor's live preview and the server render a letter with the same code. Below it, the
 * words the fields take in each letter language: custody statuses, the date line, the addressee.
 */

import type { PublicPerson } from '@/lib/cases/public';
import type { CustodyStatus } from '@/lib/cases/vocabulary';
import type { LetterLanguage } from '@/lib/targets/vocabulary';

export const MERGE_FIELDS = [
  'target.salutation',
  'target.name',
  'case.title',
  'person.alias',
  'person.status',
  'petition.confirmed',
  'today',
  'sender.name',
  'sender.organisation',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

/** A letter is one page: longer templates cannot be one. */
export const MAX_TEMPLATE_LENGTH = 6000;
/** A merged value longer than this is cut (with "…"): no field may push a letter off its page. */
export const MAX_VALUE_LENGTH = 300;

export type TemplatePart = { text: string } | { field: MergeField };

export type TemplateProblem =
  | { code: 'unknownField'; field: string; line: number; column: number }
  | { code: 'malformedField'; line: number; column: number }
  | { code: 'unclosedField'; line: number; column: number }
  | { code: 'tooLong'; line: number; column: number };

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; problem: TemplateProblem };

const FIELD_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

function isMergeField(name: string): name is MergeField {
  // An array, not an object lookup: "constructor" or "__proto__" must never resolve to anything.
  return (MERGE_FIELDS as readonly string[]).includes(name);
}

function position(body: string, index: number): { line: number; column: number } {
  const before = body.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

export function parseTemplate(body: string): ParsedTemplate {
  if (body.length > MAX_TEMPLATE_LENGTH) {
    return { ok: false, problem: { code: 'tooLong', ...position(body, MAX_TEMPLATE_LENGTH) } };
  }
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < body.length) {
    const open = body.indexOf('{{', cursor);
    if (open === -1) break;
    if (open > cursor) parts.push({ text: body.slice(cursor, open) });
    const close = body.indexOf('}}', open + 2);
    const nextOpen = body.indexOf('{{', open + 2);
    const lineEnd = body.indexOf('\n', open);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close) || (lineEnd !== -1 && lineEnd < close)) {
      return { ok: false, problem: { code: 'unclosedField', ...position(body, open) } };
    }
    const name = body.slice(open + 2, close).trim();
    if (!FIELD_NAME.test(name)) return { ok: false, problem: { code: 'malformedField', ...position(body, open) } };
    if (!isMergeField(name)) return { ok: false, problem: { code: 'unknownField', field: name, ...position(body, open) } };
    parts.push({ field: name });
    cursor = close + 2;
  }
  if (cursor < body.length) parts.push({ text: body.slice(cursor) });
  return { ok: true, parts };
}

/** A merged value as plain text on one line: control characters dropped, whitespace folded, length capped. */
function plainValue(value: string): string {
  const folded = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return folded.length > MAX_VALUE_LENGTH ? `${folded.slice(0, MAX_VALUE_LENGTH - 1)}…` : folded;
}

/** The letter's text: each field replaced by its value as plain text. Never evaluates anything. */
function renderParts(parts: TemplatePart[], values: MergeValues): string {
  return parts.map((part) => ('text' in part ? part.text : plainValue(values[part.field]))).join('');
}

export function renderTemplate(body: string, values: MergeValues): { ok: true; text: string } | { ok: false; problem: TemplateProblem } {
  const parsed = parseTemplate(body);
  return parsed.ok ? { ok: true, text: renderParts(parsed.parts, values) } : parsed;
}

/** The template error as the field error key the form shows: "templateProblem:<code>:<line>:<column>[:<field>]". */
export function templateProblemKey(problem: TemplateProblem): string {
  const base = `templateProblem:${problem.code}:${problem.line}:${problem.column}`;
  return problem.code === 'unknownField' ? `${base}:${problem.field}` : base;
}

export function readTemplateProblemKey(key: string): TemplateProblem | null {
  const match = /^templateProblem:(unknownField|malformedField|unclosedField|tooLong):(\d+):(\d+)(?::(.*))?$/.exec(key);
  if (!match) return null;
  const [, code, line, column, field] = match;
  const at = { line: Number(line), column: Number(column) };
  if (code === 'unknownField') return { code, field: field ?? '', ...at };
  return { code: code as 'malformedField' | 'unclosedField' | 'tooLong', ...at };
}

/** How many lines fit on one page after the sender block, date, address and signature (see render-letters-pdf.ts). */
export const ONE_PAGE_BODY_LINES = { a4: 34, letter: 31 } as const;
/** Characters per body line, roughly: CJK characters count double. */
export function estimatedLines(text: string, charactersPerLine = 88): number {
  return text.split('\n').reduce((total, line) => {
    let width = 0;
    for (const character of line) width += /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(character) ? 2 : 1;
    return total + Math.max(1, Math.ceil(width / charactersPerLine));
  }, 0);
}

/** The name on the envelope and in {{target.name}}: the official name in the letter's language where the directory has it. */
export function addressNameFor(target: { nameEn: string; nameLocal: string; nameZh: string; hostCountry: string }, language: LetterLanguage): string {
  if (language === 'zh' && target.nameZh) return target.nameZh;
  if (language === 'ko' && target.hostCountry === 'KR' && target.nameLocal) return target.nameLocal;
  return target.nameEn;
}

const CUSTODY_WORDS: Record<LetterLanguage, Record<CustodyStatus, string>> = {
  en: {
    in_hiding_third_country: 'in hiding in a third country',
    detained_in_china: 'detained in China',
    handed_over_to_north_korea: 'handed over to North Korea',
    interrogation_state_security: 'held for interrogation by state security',
    holding_centre: 'held in a holding centre',
    labour_training_camp: 'held in a labour training camp',
    prison: 'held in prison',
    political_prison_camp: 'held in a political prison camp',
    released_under_surveillance: 'released, under surveillance',
    reached_safety: 'in safety',
    deceased_reported: 'reported to have died',
    deceased_confirmed: 'confirmed to have died',
    unknown: 'missing, whereabouts unknown',
  },
  ko: {
    in_hiding_third_country: '제3국에서 은신 중',
    detained_in_china: '중국에 구금됨',
    handed_over_to_north_korea: '북한으로 강제송환됨',
    interrogation_state_security: '보위부(국가보위성) 조사 중',
    holding_centre: '집결소에 구금됨',
    labour_training_camp: '노동단련대에 수감됨',
    prison: '교화소에 수감됨',
    political_prison_camp: '정치범수용소에 수감됨',
    released_under_surveillance: '석방되었으나 감시 중',
    reached_safety: '안전한 곳에 도착함',
    deceased_reported: '사망 보도됨',
    deceased_confirmed: '사망 확인됨',
    unknown: '행방 불명',
  },
  zh: {
    in_hiding_third_country: '在第三国藏匿',
    detained_in_china: '在中国被拘留',
    handed_over_to_north_korea: '被遣返朝鲜',
    interrogation_state_security: '被国家保卫部门关押审讯',
    holding_centre: '被关押在集结所',
    labour_training_camp: '被关押在劳动锻炼队',
    prison: '被关押在教化所',
    political_prison_camp: '被关押在政治犯收容所',
    released_under_surveillance: '已获释但受监视',
    reached_safety: '已抵达安全地区',
    deceased_reported: '据报已死亡',
    deceased_confirmed: '已确认死亡',
    unknown: '下落不明',
  },
};

export function custodyWords(status: CustodyStatus, language: LetterLanguage): string {
  return CUSTODY_WORDS[language][status];
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "29 November 2026", "2026년 11월 29일", "2026年11月29日" for an ISO day. */
export function letterDate(isoDay: string, language: LetterLanguage): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  if (language === 'ko') return `${year}년 ${month}월 ${day}일`;
  if (language === 'zh') return `${year}年${month}月${day}日`;
  return `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** The person a letter is about: the first public person not (yet) in safety, else the first. */
export function letterPerson<P extends Pick<PublicPerson, 'custodyStatus'>>(people: P[]): P | null {
  return people.find((person) => person.custodyStatus !== 'reached_safety') ?? people[0] ?? null;
}
