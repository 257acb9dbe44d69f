/**
 * 年度 (Japanese fiscal year): 1 April – 31 March, named by the calendar year in which it starts
 * (2023年度 = 令和5年度 = 2023-04-01 … 2024-03-31). 上期 = April–September, 下期 = October–March;
 * 第1四半期 = April–June … 第4四半期 = January–March.
 *
 * All rules read dates in Asia/Tokyo (see `tokyo-date.ts` for how `Date` and strings are interpreted), so a
 * consultation at 2024-03-31T23:59:59+09:00 (= 14:59:59Z) counts in FY2023 on any server.
 */
import { type DateInput, toTokyoDate } from './tokyo-date.js';
import { ERAS, type WarekiYear, eraOfCalendarDate, eraYearText, warekiYearIn } from './wareki.js';

/** First month (April) of the Japanese fiscal year. */
export const FISCAL_YEAR_START_MONTH = 4;

export type FiscalHalf = 'first' | 'second';
export type FiscalQuarter = 1 | 2 | 3 | 4;

export interface FiscalYearRange {
  /** `'YYYY-04-01'` */
  readonly start: string;
  /** `'YYYY+1-03-31'` (inclusive) */
  readonly end: string;
}

function assertFiscalYear(fy: number): void {
  if (!Number.isInteger(fy) || fy < 1873 || fy > 9998) {
    throw new RangeError(`Not a supported fiscal year: ${fy}`);
  }
}

/** The fiscal year (西暦 of its April) a date or instant belongs to, in Japan. */
export function fiscalYearOf(date: DateInput): number {
  const d = toTokyoDate(date);
  return d.month >= FISCAL_YEAR_START_MONTH ? d.year : d.year - 1;
}

/** First and last calendar day of a fiscal year: 2025 → { start: '2025-04-01', end: '2026-03-31' }. */
export function fiscalYearRange(fy: number): FiscalYearRange {
  assertFiscalYear(fy);
  return { start: `${fy}-04-01`, end: `${fy + 1}-03-31` };
}

/** 上期 ('first', April–September) or 下期 ('second', October–March). */
export function fiscalHalfOf(date: DateInput): FiscalHalf {
  const { month } = toTokyoDate(date);
  return month >= 4 && month <= 9 ? 'first' : 'second';
}

/** First and last day of 上期/下期 of a fiscal year. */
export function fiscalHalfRange(fy: number, half: FiscalHalf): FiscalYearRange {
  assertFiscalYear(fy);
  return half === 'first'
    ? { start: `${fy}-04-01`, end: `${fy}-09-30` }
    : { start: `${fy}-10-01`, end: `${fy + 1}-03-31` };
}

/** 四半期 of the fiscal year: April–June → 1, July–September → 2, October–December → 3, January–March → 4. */
export function fiscalQuarterOf(date: DateInput): FiscalQuarter {
  const { month } = toTokyoDate(date);
  // Shift so that April = 0 … March = 11, then group by three.
  return (Math.floor(((month + 12 - FISCAL_YEAR_START_MONTH) % 12) / 3) + 1) as FiscalQuarter;
}

export interface FiscalYearLabelOptions {
  /**
   * How to name FY2019. On 1 April 2019 the era was still 平成31年, but after 改元 on 1 May 2019 the government
   * renamed the fiscal year 「令和元年度」, which is what reports use (documents written before May said
   * 「平成31年度」). Default `'reiwa'`.
   */
  readonly fy2019Era?: 'reiwa' | 'heisei';
}

/**
 * The 和暦 of a fiscal year: the era in force on 1 April of that year, except FY2019 (see
 * `FiscalYearLabelOptions.fy2019Era`). 2025 → 令和7年(度); 2019 → 令和元年(度); 2018 → 平成30年(度);
 * 1988 → 昭和63年(度) (平成 only began on 1989-01-08).
 */
export function warekiFiscalYear(fy: number, options: FiscalYearLabelOptions = {}): WarekiYear {
  assertFiscalYear(fy);
  if (fy === 2019 && (options.fy2019Era ?? 'reiwa') === 'reiwa') {
    const reiwa = ERAS.find((e) => e.name === '令和');
    if (reiwa) return warekiYearIn(reiwa, 2019);
  }
  return warekiYearIn(eraOfCalendarDate({ year: fy, month: 4, day: 1 }), fy);
}

/** 「令和7年度」. */
export function warekiFiscalYearLabel(fy: number, options: FiscalYearLabelOptions = {}): string {
  const w = warekiFiscalYear(fy, options);
  return `${w.era}${eraYearText(w.year)}年度`;
}

/**
 * Table label of a fiscal year with its 和暦:
 * ja 「2025年度（令和7年度）」, 「2019年度（令和元年度）」; en 「FY2025 (Reiwa 7)」, 「FY2019 (Reiwa 1)」.
 */
export function fiscalYearLabel(
  fy: number,
  locale: 'ja' | 'en',
  options: FiscalYearLabelOptions = {},
): string {
  const w = warekiFiscalYear(fy, options);
  return locale === 'ja'
    ? `${fy}年度（${w.era}${eraYearText(w.year)}年度）`
    : `FY${fy} (${w.eraEn} ${w.year})`;
}

/** 「上期」/「下期」 or 「first half」/「second half」. */
export function fiscalHalfLabel(half: FiscalHalf, locale: 'ja' | 'en'): string {
  if (locale === 'ja') return half === 'first' ? '上期' : '下期';
  return half === 'first' ? 'first half' : 'second half';
}
