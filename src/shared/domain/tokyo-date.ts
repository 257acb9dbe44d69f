/**
 * Calendar dates as they are in Japan (Asia/Tokyo).
 *
 * Why this module exists: support work is counted by the Japanese calendar (年度, 上期/下期, 月別集計), but the
 * server may run in UTC and a browser anywhere. `Date#getMonth()` and friends use the *process* time zone, so a
 * consultation at 2024-03-31 23:59 JST (= 14:59Z) would land in the wrong month and fiscal year on a UTC server.
 * Every rule here converts instants with `Intl.DateTimeFormat` and `timeZone: 'Asia/Tokyo'`, never local getters.
 *
 * Input convention shared by the fiscal-year and 和暦 modules (`DateInput`):
 * - a `'YYYY-MM-DD'` string is a **calendar date in Japan** and is taken as is (no time-zone shift);
 * - a `Date` is an **instant**;
 * - any other string must be an ISO 8601 timestamp **with** `Z` or an offset (e.g. `2024-03-31T23:59:59+09:00`).
 *   A timestamp without an offset is rejected, because JavaScript would read it in the process time zone and the
 *   answer would depend on where the code runs.
 */

/** The IANA time zone every calendar rule of the product uses. */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

/** A date (or instant) accepted by the calendar rules; see the module comment for how strings are read. */
export type DateInput = Date | string;

/** A proleptic Gregorian calendar date (month 1–12). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date and time with a mandatory zone designator: Z, ±HH:MM or ±HHMM.
const ISO_TIMESTAMP_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

let tokyoFormatter: Intl.DateTimeFormat | undefined;

function formatter(): Intl.DateTimeFormat {
  // Created lazily (no work at import time) and reused: constructing Intl formatters is comparatively expensive.
  tokyoFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: JAPAN_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    // Avoid non-Gregorian defaults in exotic runtime locales.
    calendar: 'gregory',
    numberingSystem: 'latn',
  });
  return tokyoFormatter;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the parts form a real Gregorian date (rejects 2025-02-30, month 13, …). */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses a strict `'YYYY-MM-DD'` string; throws `RangeError` for anything else or an impossible date. */
export function parseIsoDate(value: string): CalendarDate {
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidCalendarDate(year, month, day)) {
    throw new RangeError(`Not a valid calendar date: ${value}`);
  }
  return { year, month, day };
}

/** The calendar date in Japan at the given instant. */
export function tokyoDateOfInstant(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  let year = NaN;
  let month = NaN;
  let day = NaN;
  for (const part of formatter().formatToParts(instant)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return { year, month, day };
}

/**
 * The calendar date in Japan for a `DateInput`: `'YYYY-MM-DD'` as is, instants converted to Asia/Tokyo.
 * @throws RangeError for unparsable strings, impossible dates and timestamps without a zone designator.
 */
export function toTokyoDate(input: DateInput): CalendarDate {
  if (input instanceof Date) return tokyoDateOfInstant(input);
  if (typeof input !== 'string') throw new TypeError('Expected a Date or a string');
  if (ISO_DATE.test(input)) return parseIsoDate(input);
  if (!ISO_TIMESTAMP_WITH_ZONE.test(input)) {
    throw new RangeError(
      `Expected 'YYYY-MM-DD' or an ISO timestamp with Z or an offset, got ${JSON.stringify(input)}`,
    );
  }
  // V8 silently rolls impossible dates over (2024-02-30T00:00Z → 1 March): check the date part ourselves.
  parseIsoDate(input.slice(0, 10));
  return tokyoDateOfInstant(new Date(input));
}

/** `'YYYY-MM-DD'` for a calendar date (zero-padded). */
export function formatIsoDate(date: CalendarDate): string {
  const y = String(date.year).padStart(4, '0');
  const m = String(date.month).padStart(2, '0');
  const d = String(date.day).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Today's date in Japan (`now` is injectable for tests). */
export function todayInJapan(now: Date = new Date()): CalendarDate {
  return tokyoDateOfInstant(now);
}
