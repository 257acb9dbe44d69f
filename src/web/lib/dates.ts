import { fiscalYearLabel, fiscalYearOf } from '../../shared/domain/fiscal-year';
import { formatIsoDate, toTokyoDate } from '../../shared/domain/tokyo-date';
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
