import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import type { Locale } from '../../i18n';
import { useProgrammes } from '../programmes/programmes.api';

/** 「105.0%」: 達成率 with one decimal, as the report computes it. */
export function formatPercent(value: number, locale: Locale): string {
  return `${new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}%`;
}

/** Hours with one decimal: 「129.5」. */
export function formatHours(minutes: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.round((minutes / 60) * 10) / 10);
}

/**
 * The 年度 a report can be asked for, newest first: every year a programme covers, and the last three
 * years up to the current one (a desk without programmes still has its cases).
 */
export function useReportYears(currentYear: number): number[] {
  const programmes = useProgrammes('all');
  const years = new Set<number>([currentYear, currentYear - 1, currentYear - 2]);
  for (const programme of programmes.data?.items ?? []) {
    for (let year = programme.fiscalYear; year <= fiscalYearOf(programme.endsOn); year++) years.add(year);
  }
  return [...years].sort((a, b) => b - a);
}
