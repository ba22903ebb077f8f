import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv, unguardCell } from './csv';

describe('CSV', () => {
  it('round-trips commas, quotes, line breaks, Hangul and Chinese', () => {
    const rows = [
      ['key', 'address_lines', 'name_zh'],
      ['cn-embassy-kr', '서울특별시 중구 명동2길 27', '中华人民共和国驻大韩民国大使馆'],
      ['x', 'line one, with a comma\nline "two"', ''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual({ ok: true, rows });
  });

  it('keeps spreadsheet formulas inert and reads them back unchanged', () => {
    const csv = toCsv([['=HYPERLINK("http://evil")', '+82 2 1234']]);
    expect(csv.startsWith(`"'=HYPERLINK`)).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed.ok && parsed.rows[0]!.map(unguardCell)).toEqual(['=HYPERLINK("http://evil")', '+82 2 1234']);
  });

  it('names the line of a stray quote', () => {
    expect(parseCsv('a,b\nc,d"e\n')).toEqual({ ok: false, line: 2 });
    expect(parseCsv('a,"unclosed\n')).toEqual({ ok: false, line: 2 });
  });
});
