import { describe, expect, it } from 'vitest';
import {
  ACHIEVED_THRESHOLD,
  ON_TRACK_THRESHOLD,
  achievementClass,
  achievementRate,
  combineHalves,
  nextMonthDayAfter,
  periodDueOn,
  periodLabel,
  periodRange,
} from '../../src/server/modules/plans/engine/periods';

describe('combineHalves', () => {
  const value = (aggregation: 'sum' | 'last' | 'mean', first: number | null, second: number | null) => {
    const explanation = combineHalves(aggregation, first, second);
    return [explanation.value, explanation.partial];
  };

  it('sums the halves; one half alone is partial', () => {
    expect(combineHalves('sum', 10, 25)).toEqual({ kind: 'halves', aggregation: 'sum', firstHalf: 10, secondHalf: 25, partial: false, value: 35 });
    expect(value('sum', 10, null)).toEqual([10, true]);
    expect(value('sum', null, 25)).toEqual([25, true]);
    expect(value('sum', null, null)).toEqual([null, false]);
    expect(value('sum', 0, 0)).toEqual([0, false]);
  });

  it('takes the last reported half; partial only when 下期 is missing', () => {
    expect(value('last', 10, 25)).toEqual([25, false]);
    expect(value('last', 10, null)).toEqual([10, true]);
    expect(value('last', null, 25)).toEqual([25, false]);
    expect(value('last', null, null)).toEqual([null, false]);
  });

  it('averages the halves reported', () => {
    expect(value('mean', 10, 25)).toEqual([17.5, false]);
    expect(value('mean', 10, null)).toEqual([10, true]);
    expect(value('mean', null, 25)).toEqual([25, true]);
    expect(value('mean', null, null)).toEqual([null, false]);
  });
});

describe('achievement', () => {
  it('computes 達成率 like target_share, uncapped', () => {
    expect(achievementRate(45, 60, 'higher')).toBe(75);
    expect(achievementRate(90, 60, 'higher')).toBe(150);
    expect(achievementRate(80, 60, 'lower')).toBe(75);
    expect(achievementRate(null, 60, 'higher')).toBeNull();
    expect(achievementRate(45, null, 'higher')).toBeNull();
    expect(achievementRate(45, 0, 'higher')).toBeNull();
    expect(achievementRate(0, 0, 'lower')).toBe(100);
  });

  it('classes rates at 100 and 80', () => {
    expect([ACHIEVED_THRESHOLD, ON_TRACK_THRESHOLD]).toEqual([100, 80]);
    expect(achievementClass(100)).toBe('achieved');
    expect(achievementClass(150)).toBe('achieved');
    expect(achievementClass(99.99)).toBe('on_track');
    expect(achievementClass(80)).toBe('on_track');
    expect(achievementClass(79.99)).toBe('behind');
    expect(achievementClass(0)).toBe('behind');
    expect(achievementClass(null)).toBe('no_actual');
  });
});

describe('periodRange', () => {
  it('gives the fiscal year and its halves', () => {
    expect(periodRange(2025, null)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(periodRange(2025, 1)).toEqual({ from: '2025-04-01', to: '2025-09-30' });
    expect(periodRange(2025, 2)).toEqual({ from: '2025-10-01', to: '2026-03-31' });
    expect(periodRange(2018, 2)).toEqual({ from: '2018-10-01', to: '2019-03-31' });
  });
});

describe('periodLabel', () => {
  it('writes 西暦 with 和暦 in Japanese', () => {
    expect(periodLabel(2025, null, 'ja')).toBe('2025（令和7）年度');
    expect(periodLabel(2025, 1, 'ja')).toBe('2025（令和7）年度 上期');
    expect(periodLabel(2025, 2, 'ja')).toBe('2025（令和7）年度 下期');
  });

  it('names FY2019 令和元年度 and FY2018 平成30年度', () => {
    expect(periodLabel(2019, null, 'ja')).toBe('2019（令和元）年度');
    expect(periodLabel(2019, 1, 'ja')).toBe('2019（令和元）年度 上期');
    expect(periodLabel(2018, null, 'ja')).toBe('2018（平成30）年度');
    expect(periodLabel(2018, 2, 'ja')).toBe('2018（平成30）年度 下期');
  });

  it('writes FY labels in English', () => {
    expect(periodLabel(2025, null, 'en')).toBe('FY2025 (Reiwa 7)');
    expect(periodLabel(2019, null, 'en')).toBe('FY2019 (Reiwa 1)');
    expect(periodLabel(2018, null, 'en')).toBe('FY2018 (Heisei 30)');
    expect(periodLabel(2025, 1, 'en')).toBe('FY2025 H1');
    expect(periodLabel(2025, 2, 'en')).toBe('FY2025 H2');
  });
});

describe('periodDueOn', () => {
  const plan = { firstHalfDue: '10-31', yearDue: '05-31' };

  it('is due on the plan month-day after the period ends', () => {
    expect(periodDueOn({ fiscalYear: 2025, half: 1 }, plan)).toBe('2025-10-31');
    expect(periodDueOn({ fiscalYear: 2025, half: 2 }, plan)).toBe('2026-05-31');
    expect(periodDueOn({ fiscalYear: 2025, half: null }, plan)).toBe('2026-05-31');
  });

  it('takes the first occurrence strictly after the end', () => {
    expect(periodDueOn({ fiscalYear: 2025, half: 1 }, { ...plan, firstHalfDue: '10-01' })).toBe('2025-10-01');
    expect(periodDueOn({ fiscalYear: 2025, half: 1 }, { ...plan, firstHalfDue: '09-30' })).toBe('2026-09-30');
    expect(periodDueOn({ fiscalYear: 2025, half: 1 }, { ...plan, firstHalfDue: '01-15' })).toBe('2026-01-15');
    expect(periodDueOn({ fiscalYear: 2025, half: null }, { ...plan, yearDue: '04-01' })).toBe('2026-04-01');
    expect(periodDueOn({ fiscalYear: 2025, half: null }, { ...plan, yearDue: '03-31' })).toBe('2027-03-31');
  });

  it('uses 28 February for 02-29 in common years', () => {
    // FY2026 ends 2027-03-31; the next 29 February is in 2028 (a leap year).
    expect(periodDueOn({ fiscalYear: 2026, half: null }, { ...plan, yearDue: '02-29' })).toBe('2028-02-29');
    // FY2025 ends 2026-03-31; 2027 is a common year.
    expect(periodDueOn({ fiscalYear: 2025, half: null }, { ...plan, yearDue: '02-29' })).toBe('2027-02-28');
    expect(periodDueOn({ fiscalYear: 2027, half: 1 }, { ...plan, firstHalfDue: '02-29' })).toBe('2028-02-29');
    expect(periodDueOn({ fiscalYear: 2028, half: 1 }, { ...plan, firstHalfDue: '02-29' })).toBe('2029-02-28');
    // 2100 is not a leap year.
    expect(nextMonthDayAfter('02-29', '2099-03-31')).toBe('2100-02-28');
  });

  it('uses the last day for days past the end of the month, and rejects what is not MM-DD', () => {
    expect(periodDueOn({ fiscalYear: 2025, half: 1 }, { ...plan, firstHalfDue: '11-31' })).toBe('2025-11-30');
    expect(() => nextMonthDayAfter('13-01', '2025-03-31')).toThrow(/MM-DD/);
    expect(() => nextMonthDayAfter('1-5', '2025-03-31')).toThrow(/MM-DD/);
    expect(() => nextMonthDayAfter('00-10', '2025-03-31')).toThrow(/MM-DD/);
  });
});

describe('periodStanding', () => {
  it('judges an actual without a finite rate directly against its target', async () => {
    const { periodStanding } = await import('../../src/server/modules/plans/engine/periods');
    expect(periodStanding(0, 50, 'lower')).toBe('achieved');
    expect(periodStanding(60, 50, 'lower')).toBe('on_track');
    expect(periodStanding(80, 50, 'lower')).toBe('behind');
    expect(periodStanding(null, 50, 'higher')).toBe('no_actual');
    expect(periodStanding(10, null, 'higher')).toBe('no_actual');
    expect(periodStanding(100, 100, 'higher')).toBe('achieved');
  });
});
