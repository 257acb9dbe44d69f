import type { z } from 'zod';
import { fiscalHalfRange, fiscalYearLabel, fiscalYearRange, warekiFiscalYear } from '../../../../shared/domain/fiscal-year';
import type { IndicatorDirection, PeriodHalf, YearAggregation } from '../../../../shared/domain/plans';
import type { yearExplanation } from '../../../../shared/schemas/plan';
import { eraYearText } from '../../../../shared/domain/wareki';
import { normaliseScore } from './composite';

/** Periods of a plan's indicators (年度, 上期, 下期): how halves make a year, achievement, due dates and labels. */

export type YearExplanation = z.output<typeof yearExplanation>;

/**
 * The year's value from its halves: 'sum' adds them, 'last' takes 下期 (else 上期), 'mean' averages those reported.
 * `partial` is true when the year rests on one half only ('last': when 下期 is missing). Values are not rounded:
 * they are shown with the indicator's decimals.
 */
export function combineHalves(aggregation: YearAggregation, firstHalf: number | null, secondHalf: number | null): YearExplanation {
  const reported = [firstHalf, secondHalf].filter((value): value is number => value !== null);
  let value: number | null;
  let partial: boolean;
  if (reported.length === 0) {
    [value, partial] = [null, false];
  } else if (aggregation === 'last') {
    [value, partial] = [secondHalf ?? firstHalf, secondHalf === null];
  } else {
    const sum = reported.reduce((total, half) => total + half, 0);
    [value, partial] = [aggregation === 'sum' ? sum : sum / reported.length, reported.length === 1];
  }
  return { kind: 'halves', aggregation, firstHalf, secondHalf, partial, value };
}

/**
 * 達成率 (%) of an actual against its target, uncapped and unrounded; null without both, with a target ≤ 0
 * (higher is better) or < 0, or with an actual ≤ 0 when lower is better (0 against a target of 0 is 100).
 * The same rule as the composite index's target_share.
 */
export function achievementRate(actual: number | null, target: number | null, direction: IndicatorDirection): number | null {
  if (actual === null) return null;
  return normaliseScore({ normalisation: 'target_share', value: actual, target, direction });
}

/** A rate at or above this (%) is 達成. */
export const ACHIEVED_THRESHOLD = 100;
/** A rate at or above this (%), but below ACHIEVED_THRESHOLD, is 概ね順調 (on track). */
export const ON_TRACK_THRESHOLD = 80;

export type AchievementClass = 'achieved' | 'on_track' | 'behind' | 'no_actual';

/** Classes a 達成率 for the dashboard; null (no rate) is 'no_actual'. Compare the unrounded rate. */
export function achievementClass(rate: number | null): AchievementClass {
  if (rate === null) return 'no_actual';
  if (rate >= ACHIEVED_THRESHOLD) return 'achieved';
  if (rate >= ON_TRACK_THRESHOLD) return 'on_track';
  return 'behind';
}

/**
 * How a period stands: no actual → 'no_actual'; else by its 達成率. An actual without a rate is judged
 * directly: lower-is-better at or below its target (0 against a target of 50 has no finite ratio) is
 * 'achieved'; without a target there is nothing to judge against, which counts as 'no_actual'.
 */
export function periodStanding(actual: number | null, target: number | null, direction: IndicatorDirection): AchievementClass {
  if (actual === null) return 'no_actual';
  const rate = achievementRate(actual, target, direction);
  if (rate !== null) return achievementClass(rate);
  if (target === null) return 'no_actual';
  return (direction === 'lower' ? actual <= target : actual >= target) ? 'achieved' : 'behind';
}

export interface Period {
  fiscalYear: number;
  half: PeriodHalf;
}

/** First and last day of a period: the fiscal year (half null), 上期 (April–September) or 下期 (October–March). */
export function periodRange(fiscalYear: number, half: PeriodHalf): { from: string; to: string } {
  const range = half === null ? fiscalYearRange(fiscalYear) : fiscalHalfRange(fiscalYear, half === 1 ? 'first' : 'second');
  return { from: range.start, to: range.end };
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first date with this month-day strictly after `afterIso` (YYYY-MM-DD). A day past the end of its month
 * falls on the month's last day: 02-29 is 28 February in a common year, 04-31 is 30 April.
 */
export function nextMonthDayAfter(monthDay: string, afterIso: string): string {
  const match = MONTH_DAY.exec(monthDay);
  const month = Number(match?.[1]);
  const day = Number(match?.[2]);
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) throw new Error(`Not a month-day (MM-DD): ${monthDay}`);
  const startYear = Number(afterIso.slice(0, 4));
  for (let year = startYear; ; year += 1) {
    const candidate = isoDate(year, month, Math.min(day, daysInMonth(year, month)));
    // ISO dates compare correctly as strings.
    if (candidate > afterIso) return candidate;
  }
}

/**
 * When actuals for a period are due: the first occurrence of the plan's month-day strictly after the period ends.
 * 上期 (ends 30 September) uses `firstHalfDue`; the year and 下期 (end 31 March) use `yearDue`. So with 上期 due
 * '10-31', FY2025's 上期 is due 2025-10-31; with '09-15' it is due 2026-09-15 (the next one after the end).
 */
export function periodDueOn(period: Period, plan: { firstHalfDue: string; yearDue: string }): string {
  const { to } = periodRange(period.fiscalYear, period.half);
  return nextMonthDayAfter(period.half === 1 ? plan.firstHalfDue : plan.yearDue, to);
}

/**
 * A period's label: ja 「2025（令和7）年度」, 「2025（令和7）年度 上期」, 「2019（令和元）年度」;
 * en 「FY2025 (Reiwa 7)」, 「FY2025 H1」, 「FY2025 H2」.
 */
export function periodLabel(fiscalYear: number, half: PeriodHalf, locale: 'ja' | 'en'): string {
  if (locale === 'en') return half === null ? fiscalYearLabel(fiscalYear, 'en') : `FY${fiscalYear} H${half}`;
  const wareki = warekiFiscalYear(fiscalYear);
  const year = `${fiscalYear}（${wareki.era}${eraYearText(wareki.year)}）年度`;
  return half === null ? year : `${year} ${half === 1 ? '上期' : '下期'}`;
}
