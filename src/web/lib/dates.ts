import { fiscalYearLabel, fiscalYearOf } from '../../shared/domain/fiscal-year';
import { formatIsoDate, toTokyoDate, todayInJapan, tokyoDateOfInstant } from '../../shared/domain/tokyo-date';
import { formatDate, warekiYear } from '../../shared/domain/wareki';
import type { Locale } from '../i18n';

/** 「2025年4月1日（令和7年4月1日）」 / 「April 1, 2025 (Reiwa 7)」, read in Asia/Tokyo. */
export function formatLongDate(iso: string, locale: Locale): string {
  return formatDate(iso, locale);
}

/**
 * For narrow table columns: 「2025/4/1（令和7年）」 / 「1 Apr 2025 (Reiwa 7)」: the date in 西暦 with the era year,
 * read in Asia/Tokyo.
 */
export function formatShortDate(iso: string, locale: Locale): string {
  const date = toTokyoDate(iso);
  const era = warekiYear(iso);
  return locale === 'ja'
    ? `${date.year}/${date.month}/${date.day}（${era.label}）`
    : `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(date.year, date.month - 1, date.day))} (${era.labelEn})`;
}

const timeFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false }),
};

/** The date with 和暦 and the time in Japan: 「2025年4月1日（令和7年4月1日） 14:05」. */
export function formatDateTime(iso: string, locale: Locale): string {
  return `${formatDate(iso, locale)} ${timeFormats[locale].format(new Date(iso))}`;
}

/** The fiscal year of an instant: 「2025年度（令和7年度）」 / 「FY2025 (Reiwa 7)」. */
export function formatFiscalYearOf(iso: string, locale: Locale): string {
  return fiscalYearLabel(fiscalYearOf(iso), locale);
}

/** `YYYY-MM-DD` in Japan, for `<time dateTime>`. */
export function isoDateInJapan(iso: string): string {
  return formatIsoDate(toTokyoDate(iso));
}

/** Today in Japan as `YYYY-MM-DD` (due dates and 完了日 are days in Japan, wherever the browser is). */
export function japanToday(): string {
  return formatIsoDate(todayInJapan());
}

/** The current time in Japan as `HH:MM`, rounded down to 5 minutes (the default of an activity's time). */
export function japanTimeNow(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date());
  const hour = parts.find((part) => part.type === 'hour')?.value ?? '00';
  const minute = Number(parts.find((part) => part.type === 'minute')?.value ?? '0');
  return `${hour === '24' ? '00' : hour}:${String(minute - (minute % 5)).padStart(2, '0')}`;
}

/** A date and a time typed as Japan time → the ISO instant the API expects (`2025-06-02T10:00:00+09:00`). */
export function japanInstant(date: string, time: string): string {
  return `${date}T${time.length === 5 ? `${time}:00` : time}+09:00`;
}

/** An instant → the date and the time in Japan, for the inputs of an edit form. */
export function japanDateAndTime(iso: string): { date: string; time: string } {
  const date = formatIsoDate(tokyoDateOfInstant(new Date(iso)));
  const time = timeFormats.ja.format(new Date(iso));
  return { date, time };
}
