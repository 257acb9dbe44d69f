import type { TFunction } from 'i18next';
import { fiscalYearLabel } from '../../../shared/domain/fiscal-year';
import { isApiError } from '../../api/client';
import type { Locale } from '../../i18n';
import { formatLongDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';

/** 「2025年4月1日（令和7年4月1日）〜2026年3月31日（令和8年3月31日）」 */
export function formatPeriod(t: TFunction, from: string, to: string, locale: Locale): string {
  return t('programmes.period', { from: formatLongDate(from, locale), to: formatLongDate(to, locale) });
}

/** The 年度 of a programme (of its first day): 「2025年度（令和7年度）」. */
export function programmeYear(fiscalYear: number, locale: Locale): string {
  return fiscalYearLabel(fiscalYear, locale);
}

/** 「100件」 or 「設定なし」 */
export function formatTarget(t: TFunction, target: number | null, unit: 'supports' | 'companies', locale: Locale): string {
  if (target === null) return t('programmes.noTarget');
  const formatted = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP').format(target);
  return unit === 'supports' ? t('programmes.targetSupports', { value: formatted }) : t('programmes.targetCompanies', { value: formatted });
}

/**
 * Problems of a programme that the shared catalog words too generally: two default programmes whose
 * periods overlap (named), and a change of an archived programme.
 */
export function programmeErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const reason = error.details.reason;
    const conflicting = error.details.conflictingProgramme as { name?: string } | undefined;
    if (reason === 'default_overlap') return t('programmes.defaultOverlap', { name: conflicting?.name ?? '' });
    if (reason === 'archived') return t('programmes.archivedNoEdit');
  }
  return errorMessage(t, error);
}
