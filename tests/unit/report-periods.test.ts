import { describe, expect, it } from 'vitest';
import { fiscalQuarterOfMonth, monthsBegun, reportCalendar } from '../../src/server/modules/reports/report-periods';

describe('report calendar', () => {
  it('lays a fiscal year out as 12 months in 4 quarters, April first', () => {
    const { months, quarters } = reportCalendar('2025-04-01', '2026-03-31');
    expect(months.map((month) => month.key)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ]);
    expect(months.map((month) => month.number).slice(-1)).toEqual([202603]);
    expect(quarters.map((quarter) => [quarter.key, quarter.number, quarter.months.length])).toEqual([
      ['2025-Q1', 20251, 3],
      ['2025-Q2', 20252, 3],
      ['2025-Q3', 20253, 3],
      ['2025-Q4', 20254, 3],
    ]);
  });

  it('handles periods that are not a fiscal year: part quarters and two fiscal years', () => {
    const half = reportCalendar('2025-05-15', '2025-08-10');
    expect(half.months.map((month) => month.key)).toEqual(['2025-05', '2025-06', '2025-07', '2025-08']);
    expect(half.quarters.map((quarter) => `${quarter.key}:${quarter.months.map((month) => month.month).join('/')}`)).toEqual(['2025-Q1:5/6', '2025-Q2:7/8']);
    const twoYears = reportCalendar('2025-01-01', '2025-06-30');
    expect(twoYears.quarters.map((quarter) => quarter.key)).toEqual(['2024-Q4', '2025-Q1']);
  });

  it('numbers fiscal quarters from April', () => {
    expect([4, 6, 7, 9, 10, 12, 1, 3].map(fiscalQuarterOfMonth)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('counts the months of a period begun by a day (the current month included)', () => {
    const { months } = reportCalendar('2025-04-01', '2026-03-31');
    expect(monthsBegun(months, '2025-03-31')).toBe(0);
    expect(monthsBegun(months, '2025-04-01')).toBe(1);
    expect(monthsBegun(months, '2025-11-22')).toBe(8);
    expect(monthsBegun(months, '2026-03-31')).toBe(12);
    expect(monthsBegun(months, '2027-01-01')).toBe(12);
  });
});
