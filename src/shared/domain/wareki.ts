/**
 * 和暦 (Japanese era calendar) for display next to 西暦.
 *
 * Why our own era table instead of `Intl` with `ja-JP-u-ca-japanese`: the era output of Intl depends on the ICU
 * build shipped with the runtime (a browser or an old Node may not know 令和, and numeric styles print 「1」 instead
 * of 「元」). The table below is small, fixed and testable. Intl is still used, through `tokyo-date.ts`, to turn
 * instants into Japanese calendar dates.
 *
 * Conventions (see docs: jp_conventions §3.7): the first year of an era is written 「元年」 in Japanese
 * (「令和元年」), and 「Reiwa 1」 in English. The single-glyph era signs (㋿, ㍻) are never produced.
 */
import { type CalendarDate, type DateInput, formatIsoDate, toTokyoDate } from './tokyo-date.js';

export type EraName = '令和' | '平成' | '昭和' | '大正' | '明治';

export interface Era {
  readonly name: EraName;
  /** Romanised name used in English output. */
  readonly nameEn: string;
  /** First day of the era (Gregorian, in Japan), `'YYYY-MM-DD'`. */
  readonly start: string;
  /** Gregorian year of the era's first year (元年). */
  readonly firstYear: number;
}

/**
 * Eras, newest first. 明治 is supported only from 1873-01-01 (明治6年), the day Japan adopted the Gregorian
 * calendar; earlier dates were lunisolar and cannot be converted by simple arithmetic.
 */
export const ERAS: readonly Era[] = [
  { name: '令和', nameEn: 'Reiwa', start: '2019-05-01', firstYear: 2019 },
  { name: '平成', nameEn: 'Heisei', start: '1989-01-08', firstYear: 1989 },
  { name: '昭和', nameEn: 'Showa', start: '1926-12-25', firstYear: 1926 },
  { name: '大正', nameEn: 'Taisho', start: '1912-07-30', firstYear: 1912 },
  { name: '明治', nameEn: 'Meiji', start: '1873-01-01', firstYear: 1868 },
];

/** Earliest date the era table can convert. */
export const EARLIEST_WAREKI_DATE = '1873-01-01';

export interface WarekiYear {
  readonly era: EraName;
  readonly eraEn: string;
  /** Year within the era (1 = 元年). */
  readonly year: number;
  /** e.g. 「令和7年」, 「令和元年」. */
  readonly label: string;
  /** e.g. 「Reiwa 7」, 「Reiwa 1」. */
  readonly labelEn: string;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 「元」 for the first year of an era, otherwise the number (Arabic digits, as in DADS and open data). */
export function eraYearText(year: number): string {
  return year === 1 ? '元' : String(year);
}

/** The era in force on a Japanese calendar date. @throws RangeError before 1873-01-01. */
export function eraOfCalendarDate(date: CalendarDate): Era {
  const iso = formatIsoDate(date);
  // ISO dates compare correctly as strings.
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) throw new RangeError(`和暦 is supported from ${EARLIEST_WAREKI_DATE}; got ${iso}`);
  return era;
}

/** Era and era year for an era and a Gregorian year known to fall in it. */
export function warekiYearIn(era: Era, gregorianYear: number): WarekiYear {
  const year = gregorianYear - era.firstYear + 1;
  if (year < 1) throw new RangeError(`${gregorianYear} is before ${era.name}`);
  return {
    era: era.name,
    eraEn: era.nameEn,
    year,
    label: `${era.name}${eraYearText(year)}年`,
    labelEn: `${era.nameEn} ${year}`,
  };
}

/** 和暦 year of a date in Japan: 2025-04-01 → 令和7年; 2019-04-30 → 平成31年; 2019-05-01 → 令和元年. */
export function warekiYear(date: DateInput): WarekiYear {
  const d = toTokyoDate(date);
  return warekiYearIn(eraOfCalendarDate(d), d.year);
}

/** 「令和7年4月1日」 (no 西暦). */
export function formatWarekiDate(date: DateInput): string {
  const d = toTokyoDate(date);
  return `${warekiYearIn(eraOfCalendarDate(d), d.year).label}${d.month}月${d.day}日`;
}

/** 「2025年4月1日（令和7年4月1日）」: 西暦 first with 和暦 in full-width brackets, as in public tables. */
export function formatDateJa(date: DateInput): string {
  const d = toTokyoDate(date);
  const w = warekiYearIn(eraOfCalendarDate(d), d.year);
  return `${d.year}年${d.month}月${d.day}日（${w.label}${d.month}月${d.day}日）`;
}

/** 「April 1, 2025 (Reiwa 7)」. */
export function formatDateEn(date: DateInput): string {
  const d = toTokyoDate(date);
  const w = warekiYearIn(eraOfCalendarDate(d), d.year);
  return `${EN_MONTHS[d.month - 1]} ${d.day}, ${d.year} (${w.labelEn})`;
}

/** Japanese or English long date with the era; see `formatDateJa` / `formatDateEn`. */
export function formatDate(date: DateInput, locale: 'ja' | 'en'): string {
  return locale === 'ja' ? formatDateJa(date) : formatDateEn(date);
}
