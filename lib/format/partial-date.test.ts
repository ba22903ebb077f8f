import { describe, expect, it } from 'vitest';
import { formatPartialDate } from './partial-date';

const about = (year: string) => `c. ${year}`;

describe('formatPartialDate', () => {
  it('shows each precision as much as is known', () => {
    expect(formatPartialDate({ date: '2017-11-15', precision: 'day' }, 'en', about)).toBe('November 15, 2017');
    expect(formatPartialDate({ date: '2017-11-01', precision: 'month' }, 'en', about)).toBe('November 2017');
    expect(formatPartialDate({ date: '2015-01-01', precision: 'year' }, 'en', about)).toBe('2015');
    expect(formatPartialDate({ date: '2015-06-01', precision: 'approximate' }, 'en', about)).toBe('c. 2015');
  });

  it('formats in Korean', () => {
    expect(formatPartialDate({ date: '2017-10-01', precision: 'month' }, 'ko', about)).toBe('2017년 10월');
    expect(formatPartialDate({ date: '2017-10-05', precision: 'day' }, 'ko', about)).toBe('2017년 10월 5일');
    expect(formatPartialDate({ date: '2017-01-01', precision: 'year' }, 'ko', about)).toBe('2017년');
  });

  it('formats in Chinese', () => {
    expect(formatPartialDate({ date: '2017-10-01', precision: 'month' }, 'zh', about)).toBe('2017年10月');
    expect(formatPartialDate({ date: '2017-10-05', precision: 'day' }, 'zh', about)).toBe('2017年10月5日');
    expect(formatPartialDate({ date: '2017-01-01', precision: 'year' }, 'zh', about)).toBe('2017年');
  });

  it('says "about" in the words of the language it is given', () => {
    expect(formatPartialDate({ date: '2015-06-01', precision: 'approximate' }, 'zh', (year) => `约 ${year} 年`)).toBe('约 2015 年');
  });

  it('keeps the first and last day of a month in that month, whatever the machine\'s time zone', () => {
    expect(formatPartialDate({ date: '2017-10-01', precision: 'day' }, 'en', about)).toBe('October 1, 2017');
    expect(formatPartialDate({ date: '2017-10-31', precision: 'month' }, 'en', about)).toBe('October 2017');
  });

  it('does not shift the date across time zones', () => {
    expect(formatPartialDate({ date: '2017-01-01', precision: 'year' }, 'en', about)).toBe('2017');
  });
});
