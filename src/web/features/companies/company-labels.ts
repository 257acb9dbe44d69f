import type { TFunction } from 'i18next';
import type { CompanySummary } from './companies.api';

/** 「青森県 青森市」: the place of a register entry as people say it. */
export function placeOf(company: Pick<CompanySummary, 'prefecture' | 'municipality'>): string {
  return [company.prefecture?.name, company.municipality?.name].filter(Boolean).join(' ');
}

/** 「E 製造業 › 09 食料品製造業」 */
export function industryOf(company: Pick<CompanySummary, 'jsicMajor' | 'jsicMiddle'>): string {
  const parts = [company.jsicMajor ? `${company.jsicMajor.code} ${company.jsicMajor.name}` : null, company.jsicMiddle ? `${company.jsicMiddle.code} ${company.jsicMiddle.name}` : null];
  return parts.filter(Boolean).join(' › ');
}

export function formatCount(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined ? '' : new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP').format(value);
}

/** An empty value is shown as 「未登録」 (never as a blank cell that reads like a layout gap). */
export function orNotRecorded(t: TFunction, value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? t('common.notRecorded') : value;
}
