import type { ReportDimensionKey } from '../../../shared/schemas/report';
import { translator, type Locale } from '../../platform/i18n';
import catalog from '../../../shared/i18n/ja/reports.json' with { type: 'json' };

/**
 * The words of the reports (table titles, notes, the workbook's headings), from the shared catalog
 * src/shared/i18n/<locale>/reports.json; code labels (channels, case types…) come from desk.json. The
 * exports are Japanese documents (実績報告 for a prefecture), so they always use `ja`.
 */
export function reportText(locale: Locale) {
  const t = translator(locale, 'reports');
  const monthName = (year: number, month: number) =>
    new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  return {
    total: t('total'),
    totalRow: t('totalRow'),
    multiAnswerTotalRow: t('multiAnswerTotalRow'),
    unknown: t('unknown'),
    noTheme: t('noTheme'),
    periodTotal: t('periodTotal'),
    dimensions: Object.fromEntries(Object.keys(catalog.dimensions).map((key) => [key, t(`dimensions.${key}`)])) as Record<ReportDimensionKey, string>,
    month: (year: number, month: number, withYear: boolean) => t(withYear ? 'monthWithYear' : 'month', { year, month, monthName: monthName(year, month) }),
    quarter: (fiscalYear: number, quarter: number, withYear: boolean) => t(withYear ? 'quarterWithYear' : 'quarter', { fiscalYear, quarter }),
    notes: {
      attributes: t('notes.attributes'),
      identity: { corporate_number: t('notes.identity.corporate_number'), company: t('notes.identity.company') },
      distinct: t('notes.distinct'),
      newOrContinuing: t('notes.newOrContinuing'),
      multiAnswer: t('notes.multiAnswer'),
      suppression: (threshold: number) => t('notes.suppression', { threshold }),
      archived: t('notes.archived'),
    },
  };
}

export type ReportText = ReturnType<typeof reportText>;
