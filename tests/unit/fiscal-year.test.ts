import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  fiscalHalfLabel,
  fiscalHalfOf,
  fiscalHalfRange,
  fiscalQuarterOf,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  warekiFiscalYear,
  warekiFiscalYearLabel,
} from '../../src/shared/domain/fiscal-year.js';
import { formatIsoDate, toTokyoDate } from '../../src/shared/domain/tokyo-date.js';

describe('fiscalYearOf at the year boundary (Asia/Tokyo, whatever the process time zone)', () => {
  // Instants are built with explicit offsets, so the expected values hold under TZ=UTC, America/Los_Angeles, …
  it('2024-03-31T23:59:59+09:00 (= 14:59:59Z) is FY2023', () => {
    expect(fiscalYearOf('2024-03-31T23:59:59+09:00')).toBe(2023);
    expect(fiscalYearOf('2024-03-31T14:59:59Z')).toBe(2023);
    expect(fiscalYearOf(new Date(Date.UTC(2024, 2, 31, 14, 59, 59)))).toBe(2023);
    // The same instant seen from Los Angeles is still 31 March, 07:59 — it must not matter either way.
    expect(fiscalYearOf('2024-03-31T07:59:59-07:00')).toBe(2023);
  });

  it('2024-04-01T00:00:00+09:00 (= 2024-03-31T15:00:00Z) is FY2024', () => {
    expect(fiscalYearOf('2024-04-01T00:00:00+09:00')).toBe(2024);
    expect(fiscalYearOf('2024-03-31T15:00:00Z')).toBe(2024);
    expect(fiscalYearOf(new Date(Date.UTC(2024, 2, 31, 15, 0, 0)))).toBe(2024);
    // In Los Angeles this instant is 2024-03-31 08:00 PDT: a local-getter implementation would say FY2023.
    expect(fiscalYearOf('2024-03-31T08:00:00-07:00')).toBe(2024);
    expect(fiscalYearOf('2024-03-31T15:00:00.000+0000')).toBe(2024);
  });

  it('reads YYYY-MM-DD as a calendar date in Japan, without any shift', () => {
    expect(fiscalYearOf('2024-03-31')).toBe(2023);
    expect(fiscalYearOf('2024-04-01')).toBe(2024);
    expect(fiscalYearOf('2025-01-15')).toBe(2024);
    expect(fiscalYearOf('2025-12-31')).toBe(2025);
  });

  it('crosses the calendar year in Japan before UTC does', () => {
    // 2024-12-31T15:00Z is 2025-01-01 00:00 JST: still FY2024, but 第4四半期 and 下期.
    const instant = '2024-12-31T15:00:00Z';
    expect(formatIsoDate(toTokyoDate(instant))).toBe('2025-01-01');
    expect(fiscalYearOf(instant)).toBe(2024);
    expect(fiscalQuarterOf(instant)).toBe(4);
  });

  it('rejects timestamps without an offset, impossible dates and garbage', () => {
    // Without an offset JavaScript would read the time in the process time zone.
    expect(() => fiscalYearOf('2024-03-31T23:59:59')).toThrow(RangeError);
    expect(() => fiscalYearOf('2024-02-30')).toThrow(RangeError);
    expect(() => fiscalYearOf('2023-02-29')).toThrow(RangeError);
    expect(() => fiscalYearOf('2024/04/01')).toThrow(RangeError);
    expect(() => fiscalYearOf('令和6年4月1日')).toThrow(RangeError);
    expect(() => fiscalYearOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => fiscalYearOf('2024-02-30T00:00:00Z')).toThrow(RangeError); // V8 would read 1 March
    expect(() => fiscalYearOf('2024-04-01T25:00:00+09:00')).toThrow(RangeError);
    expect(fiscalYearOf('2024-02-29')).toBe(2023);
  });
});

describe('the result does not depend on the process time zone', () => {
  it('gives the same answers in child processes run under different TZ values', () => {
    const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
    const moduleUrl = new URL('../../src/shared/domain/fiscal-year.ts', import.meta.url).href;
    const script = `
      const m = await import(${JSON.stringify(moduleUrl)});
      const out = [
        m.fiscalYearOf(new Date(Date.UTC(2024, 2, 31, 14, 59, 59))),
        m.fiscalYearOf(new Date(Date.UTC(2024, 2, 31, 15, 0, 0))),
        m.fiscalHalfOf(new Date(Date.UTC(2024, 8, 30, 15, 0, 0))),
        new Date(Date.UTC(2024, 2, 31, 15, 0, 0)).getMonth(),
      ];
      console.log(JSON.stringify(out));
    `;
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'].map((tz) => {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: repoRoot,
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      return JSON.parse(stdout.trim()) as [number, number, string, number];
    });
    for (const [before, after, half] of results) {
      expect([before, after, half]).toEqual([2023, 2024, 'second']);
    }
    // Sanity check that the child processes really ran in different zones: local getters disagree.
    expect(new Set(results.map((r) => r[3])).size).toBeGreaterThan(1);
  }, 30_000);
});

describe('fiscalYearRange / fiscalHalfRange', () => {
  it('spans 1 April to 31 March of the next year', () => {
    expect(fiscalYearRange(2025)).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(fiscalYearRange(2019)).toEqual({ start: '2019-04-01', end: '2020-03-31' });
  });

  it('is consistent with fiscalYearOf at both ends', () => {
    for (const fy of [2018, 2019, 2023, 2024, 2025]) {
      const { start, end } = fiscalYearRange(fy);
      expect(fiscalYearOf(start)).toBe(fy);
      expect(fiscalYearOf(end)).toBe(fy);
    }
  });

  it('splits into 上期 April–September and 下期 October–March', () => {
    expect(fiscalHalfRange(2025, 'first')).toEqual({ start: '2025-04-01', end: '2025-09-30' });
    expect(fiscalHalfRange(2025, 'second')).toEqual({ start: '2025-10-01', end: '2026-03-31' });
  });

  it('rejects non-integer or out-of-range years', () => {
    expect(() => fiscalYearRange(2025.5)).toThrow(RangeError);
    expect(() => fiscalYearRange(Number.NaN)).toThrow(RangeError);
    expect(() => fiscalYearRange(1800)).toThrow(RangeError);
  });
});

describe('fiscalHalfOf / fiscalQuarterOf', () => {
  it.each([
    ['2025-04-01', 'first', 1],
    ['2025-06-30', 'first', 1],
    ['2025-07-01', 'first', 2],
    ['2025-09-30', 'first', 2],
    ['2025-10-01', 'second', 3],
    ['2025-12-31', 'second', 3],
    ['2026-01-01', 'second', 4],
    ['2026-03-31', 'second', 4],
  ] as const)('%s is %s half, quarter %i', (date, half, quarter) => {
    expect(fiscalHalfOf(date)).toBe(half);
    expect(fiscalQuarterOf(date)).toBe(quarter);
  });

  it('uses the Japanese date of an instant: 2025-09-30T15:00Z is 1 October in Japan (下期)', () => {
    expect(fiscalHalfOf('2025-09-30T14:59:59Z')).toBe('first');
    expect(fiscalHalfOf('2025-09-30T15:00:00Z')).toBe('second');
  });

  it('labels the halves', () => {
    expect(fiscalHalfLabel('first', 'ja')).toBe('上期');
    expect(fiscalHalfLabel('second', 'ja')).toBe('下期');
    expect(fiscalHalfLabel('first', 'en')).toBe('first half');
  });
});

describe('fiscal year labels with 和暦', () => {
  it('labels FY2025 as 令和7年度', () => {
    expect(fiscalYearLabel(2025, 'ja')).toBe('2025年度（令和7年度）');
    expect(fiscalYearLabel(2025, 'en')).toBe('FY2025 (Reiwa 7)');
    expect(warekiFiscalYearLabel(2025)).toBe('令和7年度');
  });

  it('calls FY2019 令和元年度 although 1 April 2019 was 平成31年', () => {
    expect(fiscalYearLabel(2019, 'ja')).toBe('2019年度（令和元年度）');
    expect(fiscalYearLabel(2019, 'en')).toBe('FY2019 (Reiwa 1)');
    expect(warekiFiscalYear(2019)).toMatchObject({ era: '令和', year: 1, label: '令和元年' });
  });

  it('can name FY2019 平成31年度 for documents written before 改元', () => {
    expect(fiscalYearLabel(2019, 'ja', { fy2019Era: 'heisei' })).toBe('2019年度（平成31年度）');
    expect(fiscalYearLabel(2019, 'en', { fy2019Era: 'heisei' })).toBe('FY2019 (Heisei 31)');
  });

  it('labels the neighbouring years', () => {
    expect(fiscalYearLabel(2018, 'ja')).toBe('2018年度（平成30年度）');
    expect(fiscalYearLabel(2020, 'ja')).toBe('2020年度（令和2年度）');
    expect(fiscalYearLabel(2023, 'ja')).toBe('2023年度（令和5年度）');
    expect(fiscalYearLabel(2024, 'en')).toBe('FY2024 (Reiwa 6)');
    expect(fiscalYearLabel(2026, 'ja')).toBe('2026年度（令和8年度）');
  });

  it('keeps 昭和63年度 for FY1988 (平成 began on 8 January 1989) and 平成元年度 for FY1989', () => {
    expect(warekiFiscalYearLabel(1988)).toBe('昭和63年度');
    expect(warekiFiscalYearLabel(1989)).toBe('平成元年度');
  });

  it('matches 西暦 − 2018 for every 令和 fiscal year', () => {
    for (let fy = 2020; fy <= 2040; fy++) {
      expect(warekiFiscalYearLabel(fy)).toBe(`令和${fy - 2018}年度`);
    }
  });
});
