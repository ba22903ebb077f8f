import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_LENGTH, MAX_VALUE_LENGTH, MERGE_FIELDS, type MergeValues, parseTemplate, readTemplateProblemKey, renderTemplate, templateProblemKey } from './template-language';

const values: MergeValues = {
  'target.salutation': 'Your Excellency,',
  'target.name': 'Embassy of the People’s Republic of China in Canada',
  'case.title': 'A mother and her son',
  'person.alias': 'Mrs. Lee',
  'person.status': 'held for interrogation by state security',
  'petition.confirmed': '12,480',
  today: '29 November 2026',
  'sender.name': 'Kim Min-ji',
  'sender.organisation': 'Seoul Families Support Group',
};

describe('letter templates', () => {
  it('replaces every declared field with its value', () => {
    const body = MERGE_FIELDS.map((field) => `{{${field}}}`).join('|');
    expect(renderTemplate(body, values)).toEqual({ ok: true, text: MERGE_FIELDS.map((field) => values[field]).join('|') });
    expect(renderTemplate('{{ person.alias }} is {{person.status}}.', values)).toEqual({ ok: true, text: 'Mrs. Lee is held for interrogation by state security.' });
  });

  it('refuses a misspelt field, naming it with its line and column', () => {
    const parsed = parseTemplate('Dear friends,\n\nWe write about {{person.alais}} today.');
    expect(parsed).toEqual({ ok: false, problem: { code: 'unknownField', field: 'person.alais', line: 3, column: 16 } });
    if (!parsed.ok) expect(readTemplateProblemKey(templateProblemKey(parsed.problem))).toEqual(parsed.problem);
  });

  it.each([
    ['{{constructor}}', 'constructor'],
    ['{{__proto__}}', '__proto__'],
    ['{{toString}}', 'toString'],
    ['{{target.constructor.name}}', 'target.constructor.name'],
    ['{{case.__proto__.polluted}}', 'case.__proto__.polluted'],
  ])('refuses %s as an unknown field: nothing on an object prototype is reachable', (body, field) => {
    expect(parseTemplate(body)).toMatchObject({ ok: false, problem: { code: 'unknownField', field, line: 1, column: 1 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    '{{ case.title | upper }}',
    '{{case.title()}}',
    "{{#each people}}{{/each}}",
    '{{ 7*7 }}',
    '{{ }}',
    '{{<script>alert(1)</script>}}',
    '{{{person.alias}}}',
  ])('refuses expressions and anything else that is not a field name: %s', (body) => {
    const parsed = parseTemplate(body);
    expect(parsed.ok).toBe(false);
  });

  it('refuses an unclosed field, at the line and column where it opens', () => {
    expect(parseTemplate('ok\n  {{person.alias\n}}')).toEqual({ ok: false, problem: { code: 'unclosedField', line: 2, column: 3 } });
  });

  it('refuses a template too long for one page', () => {
    expect(parseTemplate('x'.repeat(MAX_TEMPLATE_LENGTH + 1))).toMatchObject({ ok: false, problem: { code: 'tooLong' } });
  });

  it('puts markup and code in values into the letter as inert text', () => {
    const hostile = { ...values, 'person.alias': '<script>alert("x")</script>{{sender.name}}', 'case.title': '${process.exit()}' };
    const rendered = renderTemplate('{{person.alias}} / {{case.title}}', hostile);
    // Exactly the characters given: not evaluated, and the braces in a value are not a second template.
    expect(rendered).toEqual({ ok: true, text: '<script>alert("x")</script>{{sender.name}} / ${process.exit()}' });
  });

  it('folds line breaks and control characters in values and caps very long values', () => {
    const rendered = renderTemplate('[{{person.alias}}]', { ...values, 'person.alias': 'Mrs.\n\nLee\u0000\u202e' });
    expect(rendered).toEqual({ ok: true, text: '[Mrs. Lee]' });
    const long = renderTemplate('{{case.title}}', { ...values, 'case.title': 'A'.repeat(100_000) });
    expect(long.ok && long.text.length).toBe(MAX_VALUE_LENGTH);
    expect(long.ok && long.text.endsWith('…')).toBe(true);
  });

  it('keeps Korean and Chinese text as written', () => {
    expect(renderTemplate('{{target.salutation}}\n이 씨의 석방을 요청합니다. 请释放她。', { ...values, 'target.salutation': '尊敬的大使阁下：' })).toEqual({
      ok: true,
      text: '尊敬的大使阁下：\n이 씨의 석방을 요청합니다. 请释放她。',
    });
  });
});
