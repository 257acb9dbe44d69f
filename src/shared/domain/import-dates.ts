/**
 * Dates and times as they arrive in files from Excel and kintone: 2025/4/1, 2025-04-01, 2025年4月1日,
 * 令和7年4月1日 (R7.4.1), 20250401, Excel serial numbers (45748, 45748.4375) and Excel date cells,
 * optionally followed by a time (10:30, 10:30:15, 10時30分) and, for ISO timestamps, a zone (Z, +09:00).
 *
 * Everything without a zone is a wall-clock time in Japan; a value with only a date is 00:00 JST.
 * Values with a zone are converted to Japan's wall clock, so a kintone timestamp in UTC lands on the
 * right Japanese date.
 */
import { formatIsoDate, isValidCalendarDate, tokyoDateOfInstant } from './tokyo-date.js';
import { ERAS } from './wareki.js';

/** A calendar date and, when the value had one, a time of day, both as they are in Japan. */
export interface ImportDateTime {
  /** 'YYYY-MM-DD' */
  readonly date: string;
  /** 'HH:MM:SS.sss', or null when the value was a date alone. */
  readonly time: string | null;
}

const JST_OFFSET_MS = 9 * 3600_000;
/** Day 0 of Excel's 1900 date system as Excel counts (it treats 1900 as a leap year, so serials from 61 on line up). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial numbers a desk's data can hold: 1900-03-01 (61) … 2199-12-31. */
const EXCEL_SERIAL_MIN = 61;
const EXCEL_SERIAL_MAX = 109_574;

const eraByName = new Map<string, (typeof ERAS)[number]>([
  ...ERAS.map((era) => [era.name, era] as const),
  ...ERAS.map((era) => [era.nameEn.charAt(0).toUpperCase(), era] as const),
]);

const TIME = String.raw`(\d{1,2})(?::|時)(\d{1,2})(?:(?::|分)(\d{1,2})(?:\.(\d{1,6}))?秒?|分)?`;
const ZONE = String.raw`(Z|[+-]\d{2}:?\d{2})?`;
const GREGORIAN = new RegExp(String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)${TIME})?\s*${ZONE}$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WAREKI = new RegExp(String.raw`^(令和|平成|昭和|大正|明治|[RHSTM])\s*(\d{1,2}|元)\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?(?:\s*${TIME})?$`, 'i');
const SERIAL = /^\d{2,6}(\.\d+)?$/;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function timeOf(hours: number, minutes: number, seconds: number, millis: number): string | null {
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}`;
}

function fromParts(year: number, month: number, day: number, time: (string | undefined)[] = []): ImportDateTime | null {
  if (!isValidCalendarDate(year, month, day)) return null;
  const [hours, minutes, seconds, fraction] = time;
  const date = formatIsoDate({ year, month, day });
  if (hours === undefined) return { date, time: null };
  const clock = timeOf(Number(hours), Number(minutes ?? 0), Number(seconds ?? 0), Math.round(Number(`0.${fraction ?? '0'}`) * 1000));
  return clock ? { date, time: clock } : null;
}

/** The wall clock in Japan at an instant. */
function fromInstant(instant: Date): ImportDateTime {
  const shifted = new Date(instant.getTime() + JST_OFFSET_MS);
  const time = timeOf(shifted.getUTCHours(), shifted.getUTCMinutes(), shifted.getUTCSeconds(), shifted.getUTCMilliseconds())!;
  return { date: formatIsoDate(tokyoDateOfInstant(instant)), time };
}

/** An Excel serial number (days since 1899-12-30, the fraction is the time of day) as a wall-clock value. */
function fromExcelSerial(serial: number): ImportDateTime | null {
  if (!Number.isFinite(serial) || serial < EXCEL_SERIAL_MIN || serial > EXCEL_SERIAL_MAX) return null;
  // Round to the millisecond: Excel stores 10:30 as 0.4375, but 10:31 as a binary fraction.
  const wallClock = new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
  return fromWallClockDate(wallClock, serial % 1 !== 0);
}

/**
 * A `Date` that carries a wall-clock time in its UTC fields: what exceljs returns for date cells
 * (Excel has no time zones, so 2025/4/1 10:30 in a cell is 2025-04-01T10:30:00Z).
 */
function fromWallClockDate(value: Date, hasTime = true): ImportDateTime | null {
  if (Number.isNaN(value.getTime())) return null;
  const date = formatIsoDate({ year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() });
  const isMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && value.getUTCMilliseconds() === 0;
  if (!hasTime || isMidnight) return { date, time: null };
  return { date, time: timeOf(value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds(), value.getUTCMilliseconds()) };
}

/**
 * Reads a date (and optional time) from a cell; null when it is not one. A blank cell is not a date either:
 * callers decide what blank means. `Date` values are read as exceljs gives them (the wall clock in UTC fields).
 */
export function parseImportDate(value: unknown): ImportDateTime | null {
  if (value instanceof Date) return fromWallClockDate(value);
  if (typeof value === 'number') return fromExcelSerial(value);
  if (typeof value !== 'string') return null;
  const cell = value.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (cell === '') return null;

  let match = GREGORIAN.exec(cell);
  if (match) {
    const [, year, month, day, hours, minutes, seconds, fraction, zone] = match;
    const parsed = fromParts(Number(year), Number(month), Number(day), [hours, minutes, seconds, fraction]);
    if (!parsed || !zone) return parsed;
    // A timestamp with a zone names an instant: convert it to Japan's wall clock.
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    const instant = new Date(`${parsed.date}T${parsed.time ?? '00:00:00.000'}${offset}`);
    return Number.isNaN(instant.getTime()) ? null : fromInstant(instant);
  }
  match = WAREKI.exec(cell);
  if (match) {
    const [, eraName, eraYear, month, day, hours, minutes, seconds, fraction] = match;
    const era = eraByName.get(eraName!.length === 1 ? eraName!.toUpperCase() : eraName!)!;
    const year = era.firstYear + (eraYear === '元' ? 1 : Number(eraYear)) - 1;
    const parsed = fromParts(year, Number(month), Number(day), [hours, minutes, seconds, fraction]);
    // 令和元年4月1日 does not exist (令和 began on 1 May 2019); 平成31年5月1日 is an old habit and is accepted.
    if (!parsed || parsed.date < era.start || Number(eraYear) === 0) return null;
    return parsed;
  }
  match = COMPACT.exec(cell);
  if (match) return fromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  if (SERIAL.test(cell)) return fromExcelSerial(Number(cell));
  return null;
}

/** The instant of a parsed value: its wall clock in Japan, 00:00 JST when it had no time. */
export function importInstant(value: ImportDateTime): Date {
  return new Date(`${value.date}T${value.time ?? '00:00:00.000'}+09:00`);
}

/**
 * How exports write an instant so that `parseImportDate` reads it back exactly: 'YYYY-MM-DD HH:MM' in
 * Japan, with seconds (and milliseconds) only when they are not zero.
 */
export function formatImportDateTime(instant: Date): string {
  const { date, time } = fromInstant(instant);
  const [clock, millis] = time!.split('.') as [string, string];
  const [hours, minutes, seconds] = clock.split(':');
  if (millis !== '000') return `${date} ${clock}.${millis}`;
  return seconds === '00' ? `${date} ${hours}:${minutes}` : `${date} ${clock}`;
}
