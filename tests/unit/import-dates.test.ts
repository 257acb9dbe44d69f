import { describe, expect, it } from 'vitest';
import { formatImportDateTime, importInstant, parseImportDate } from '../../src/shared/domain/import-dates';

describe('parseImportDate', () => {
  it.each([
    ['2025/4/1', '2025-04-01'],
    ['2025-04-01', '2025-04-01'],
    ['2025.4.1', '2025-04-01'],
    ['2025年4月1日', '2025-04-01'],
    ['２０２５／４／１', '2025-04-01'],
    ['20250401', '2025-04-01'],
    ['令和7年4月1日', '2025-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R7.4.1', '2025-04-01'],
    ['r7/4/1', '2025-04-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成31年5月1日', '2019-05-01'],
    ['昭和64年1月7日', '1989-01-07'],
  ])('reads the date %s as %s with no time', (cell, date) => {
    expect(parseImportDate(cell)).toEqual({ date, time: null });
  });

  it.each([
    ['2025/4/1 10:30', '2025-04-01', '10:30:00.000'],
    ['2025-04-01 9:05:07', '2025-04-01', '09:05:07.000'],
    ['2025-04-01T10:30:00.250', '2025-04-01', '10:30:00.250'],
    ['2025年4月1日 10時30分', '2025-04-01', '10:30:00.000'],
    ['令和7年4月1日 13:15', '2025-04-01', '13:15:00.000'],
  ])('reads the wall-clock time of %s', (cell, date, time) => {
    expect(parseImportDate(cell)).toEqual({ date, time });
  });

  it('converts timestamps with a zone to the wall clock in Japan (kintone REST times are UTC)', () => {
    // 2025-03-31 15:30 UTC is 2025-04-01 00:30 in Japan: the next day, and the next fiscal year.
    expect(parseImportDate('2025-03-31T15:30:00Z')).toEqual({ date: '2025-04-01', time: '00:30:00.000' });
    expect(parseImportDate('2025-04-01T10:30:00+09:00')).toEqual({ date: '2025-04-01', time: '10:30:00.000' });
    expect(parseImportDate('2025-04-01T10:30:00+0000')).toEqual({ date: '2025-04-01', time: '19:30:00.000' });
  });

  it('reads Excel serial numbers, as numbers and as text, with the fraction as the time of day', () => {
    // 45748 days after 1899-12-30 is 2025-04-01 (Excel's own count); 0.4375 of a day is 10:30.
    const expected = new Date(Date.UTC(1899, 11, 30) + 45748 * 86_400_000).toISOString().slice(0, 10);
    expect(expected).toBe('2025-04-01');
    expect(parseImportDate(45748)).toEqual({ date: '2025-04-01', time: null });
    expect(parseImportDate('45748')).toEqual({ date: '2025-04-01', time: null });
    expect(parseImportDate(45748.4375)).toEqual({ date: '2025-04-01', time: '10:30:00.000' });
    expect(parseImportDate(45748 + (10 * 60 + 31) / 1440)).toEqual({ date: '2025-04-01', time: '10:31:00.000' });
  });

  it('reads Excel date cells as exceljs gives them (the wall clock in the UTC fields)', () => {
    expect(parseImportDate(new Date(Date.UTC(2025, 3, 1)))).toEqual({ date: '2025-04-01', time: null });
    expect(parseImportDate(new Date(Date.UTC(2025, 3, 1, 10, 30)))).toEqual({ date: '2025-04-01', time: '10:30:00.000' });
  });

  it.each(['', '   ', 'あした', '2025/2/30', '2025-13-01', '令和元年4月1日', '令和0年5月1日', '2025/4/1 25:00', '2025/4/1 10:60', '12', '999999', 'R7'])(
    'refuses %j',
    (cell) => {
      expect(parseImportDate(cell)).toBeNull();
    },
  );

  it('refuses what is not a cell value', () => {
    expect(parseImportDate(null)).toBeNull();
    expect(parseImportDate(undefined)).toBeNull();
    expect(parseImportDate(true)).toBeNull();
    expect(parseImportDate(new Date(Number.NaN))).toBeNull();
    expect(parseImportDate(3)).toBeNull();
  });
});

describe('importInstant and formatImportDateTime', () => {
  it('takes a date alone as 00:00 in Japan', () => {
    expect(importInstant({ date: '2025-04-01', time: null }).toISOString()).toBe('2025-03-31T15:00:00.000Z');
    expect(importInstant({ date: '2025-04-01', time: '10:30:00.000' }).toISOString()).toBe('2025-04-01T01:30:00.000Z');
  });

  it.each([
    ['2025-04-01T01:30:00.000Z', '2025-04-01 10:30'],
    ['2025-03-31T15:00:00.000Z', '2025-04-01 00:00'],
    ['2025-04-01T01:30:07.000Z', '2025-04-01 10:30:07'],
    ['2025-04-01T01:30:07.123Z', '2025-04-01 10:30:07.123'],
  ])('writes %s as %s, which reads back as the same instant', (iso, written) => {
    const instant = new Date(iso);
    expect(formatImportDateTime(instant)).toBe(written);
    expect(importInstant(parseImportDate(written)!).getTime()).toBe(instant.getTime());
  });
});
