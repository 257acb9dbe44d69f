import { describe, expect, it } from 'vitest';
import {
  ERAS,
  eraYearText,
  formatDate,
  formatDateEn,
  formatDateJa,
  formatWarekiDate,
  warekiYear,
} from '../../src/shared/domain/wareki.js';
import { formatIsoDate, todayInJapan, toTokyoDate } from '../../src/shared/domain/tokyo-date.js';

describe('warekiYear', () => {
  it('returns era, year and label', () => {
    expect(warekiYear('2025-04-01')).toEqual({
      era: '令和',
      eraEn: 'Reiwa',
      year: 7,
      label: '令和7年',
      labelEn: 'Reiwa 7',
    });
  });

  it('switches from 平成31年 to 令和元年 on 2019-05-01', () => {
    expect(warekiYear('2019-04-30').label).toBe('平成31年');
    expect(warekiYear('2019-05-01')).toMatchObject({ era: '令和', year: 1, label: '令和元年', labelEn: 'Reiwa 1' });
    expect(warekiYear('2019-01-01').label).toBe('平成31年');
    expect(warekiYear('2019-12-31').label).toBe('令和元年');
    expect(warekiYear('2020-01-01').label).toBe('令和2年');
  });

  it('uses the date in Japan for instants', () => {
    // 2019-04-30T15:00Z is 2019-05-01 00:00 in Japan.
    expect(warekiYear('2019-04-30T14:59:59Z').label).toBe('平成31年');
    expect(warekiYear('2019-04-30T15:00:00Z').label).toBe('令和元年');
    expect(warekiYear(new Date(Date.UTC(2019, 3, 30, 15))).label).toBe('令和元年');
    expect(warekiYear('2019-05-01T00:00:00+09:00').label).toBe('令和元年');
  });

  it.each([
    ['1989-01-07', '昭和64年'],
    ['1989-01-08', '平成元年'],
    ['1926-12-24', '大正15年'],
    ['1926-12-25', '昭和元年'],
    ['1927-01-01', '昭和2年'],
    ['1912-07-29', '明治45年'],
    ['1912-07-30', '大正元年'],
    ['1873-01-01', '明治6年'],
    ['2018-12-31', '平成30年'],
    ['2023-04-01', '令和5年'],
    ['2026-07-09', '令和8年'],
  ])('%s is %s', (date, label) => {
    expect(warekiYear(date).label).toBe(label);
  });

  it('refuses dates before the Gregorian calendar was adopted (1873)', () => {
    expect(() => warekiYear('1872-12-31')).toThrow(RangeError);
  });

  it('agrees with the runtime ICU Japanese calendar from 1927 to 2040', () => {
    // An independent oracle: Intl's era output for a date at noon in Tokyo.
    const icu = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      year: 'numeric',
      timeZone: 'Asia/Tokyo',
    });
    if (!icu.format(new Date(Date.UTC(2019, 4, 1, 3))).startsWith('令和')) return; // ICU without 令和
    for (let t = Date.UTC(1927, 0, 1, 3); t < Date.UTC(2040, 0, 1); t += 17 * 86_400_000) {
      const date = new Date(t);
      const ours = warekiYear(date);
      // ICU writes 「令和元年」 for year 1 as we do; normalise anyway in case of a 「1年」 build.
      expect(icu.format(date).replace(/^(\D+)1年$/, '$1元年'), date.toISOString()).toBe(ours.label);
    }
  });
});

describe('ERAS', () => {
  it('is ordered newest first with the official start dates', () => {
    expect(ERAS.map((e) => [e.name, e.start])).toEqual([
      ['令和', '2019-05-01'],
      ['平成', '1989-01-08'],
      ['昭和', '1926-12-25'],
      ['大正', '1912-07-30'],
      ['明治', '1873-01-01'],
    ]);
  });

  it('eraYearText writes 元 for the first year', () => {
    expect(eraYearText(1)).toBe('元');
    expect(eraYearText(2)).toBe('2');
    expect(eraYearText(31)).toBe('31');
  });
});

describe('date formatting', () => {
  it('formats Japanese dates with the 和暦 in brackets', () => {
    expect(formatDateJa('2025-04-01')).toBe('2025年4月1日（令和7年4月1日）');
    expect(formatDateJa('2019-05-01')).toBe('2019年5月1日（令和元年5月1日）');
    expect(formatDateJa('2019-04-30')).toBe('2019年4月30日（平成31年4月30日）');
    expect(formatDateJa('2024-12-31T15:00:00Z')).toBe('2025年1月1日（令和7年1月1日）');
  });

  it('formats the 和暦 alone', () => {
    expect(formatWarekiDate('2025-04-01')).toBe('令和7年4月1日');
    expect(formatWarekiDate('1989-01-08')).toBe('平成元年1月8日');
  });

  it('formats English dates with the era', () => {
    expect(formatDateEn('2025-04-01')).toBe('April 1, 2025 (Reiwa 7)');
    expect(formatDateEn('2019-05-01')).toBe('May 1, 2019 (Reiwa 1)');
    expect(formatDateEn('2019-04-30')).toBe('April 30, 2019 (Heisei 31)');
    expect(formatDateEn('2024-12-31T15:00:00Z')).toBe('January 1, 2025 (Reiwa 7)');
  });

  it('formatDate picks the locale', () => {
    expect(formatDate('2025-10-10', 'ja')).toBe('2025年10月10日（令和7年10月10日）');
    expect(formatDate('2025-10-10', 'en')).toBe('October 10, 2025 (Reiwa 7)');
  });

  it('never uses the single-glyph era signs', () => {
    const text = [formatDateJa('2025-04-01'), formatDateJa('2000-01-01')].join('');
    expect(text).not.toMatch(/[㋿㍻㍼㍽㍾]/);
  });
});

describe('tokyo-date helpers', () => {
  it('toTokyoDate converts instants and keeps calendar dates', () => {
    expect(toTokyoDate('2024-03-31T15:00:00Z')).toEqual({ year: 2024, month: 4, day: 1 });
    expect(toTokyoDate('2024-03-31')).toEqual({ year: 2024, month: 3, day: 31 });
    expect(formatIsoDate({ year: 2025, month: 4, day: 1 })).toBe('2025-04-01');
  });

  it('todayInJapan takes an injectable clock', () => {
    expect(todayInJapan(new Date('2025-03-31T15:30:00Z'))).toEqual({ year: 2025, month: 4, day: 1 });
  });
});
