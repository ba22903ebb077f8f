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
    expect(formatPartialDate({ date: '2017-11-01', precision: 'month' }, 'ko', about)).toBe('2017년 11월');
    expect(formatPartialDate({ date: '2017-11-15', precision: 'day' }, 'ko', about)).toBe('2017년 11월 15일');
  });

  it('does not shift the date across time zones', () => {
    expect(formatPartialDate({ date: '2017-01-01', precision: 'year' }, 'en', about)).toBe('2017');
  });
});
