import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, bodyRowClass, colHeadClass, colHeadEndClass, headRowClass, tdClass, thClass } from '../../components/Table';
import type { Locale } from '../../i18n';
import { formatCount } from '../companies/company-labels';
import type { CommissionReport, CrossTab, ReportCell } from './reports.api';
import { formatHours, formatPercent } from './report-format';

/*
 * The tables of the commission report (実績報告). Every table has a caption and header cells with scope;
 * quarter subtotals and totals are marked in words (「小計」「合計」) and in bold, never by shading alone.
 * A suppressed cell shows 「＊」 and is read as 「秘匿」.
 */

const numberCell = `${tdClass} text-end tabular-nums whitespace-nowrap`;
const subtotalCell = `${numberCell} bg-solid-gray-50 font-bold`;

/** A count or 「＊」 (suppressed for publication). */
function Figure({ value, locale, hours = false }: { value: number | '*'; locale: Locale; hours?: boolean }) {
  const { t } = useTranslation();
  if (value === '*') {
    return (
      <>
        <span aria-hidden="true">＊</span>
        <span className="sr-only">{t('reports.suppressed')}</span>
      </>
    );
  }
  return <>{hours ? formatHours(value, locale) : formatCount(value, locale)}</>;
}

/** 成果指標（KPI）: 目標 / 実績 / 達成率 / the pace to be on track by the end of the current month. */
export function KpiTable({ report, locale }: { report: CommissionReport; locale: Locale }) {
  const { t } = useTranslation();
  const decimal = (value: number) => new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 1 }).format(value);
  const rows = [
    { label: t('reports.supports'), progress: report.progress.supports, unit: t('reports.unitSupports') },
    { label: t('reports.companies'), progress: report.progress.companies, unit: t('reports.unitCompanies') },
  ];
  return (
    <DataTable caption={t('reports.kpiCaption')}>
      <thead>
        <tr className={headRowClass}>
          <th scope="col" className={colHeadClass}>
            {t('reports.indicator')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.target')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.actual')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.achieved')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.paceToDate', { months: report.progress.monthsElapsed, total: report.progress.months })}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={bodyRowClass}>
            <th scope="row" className={`${thClass} whitespace-nowrap`}>
              {row.label}
              <span className="block text-dns-14N-130 font-normal text-solid-gray-700">{row.unit}</span>
            </th>
            <td className={numberCell}>{row.progress.target === null ? t('reports.noTarget') : formatCount(row.progress.target, locale)}</td>
            <td className={`${numberCell} font-bold`}>{formatCount(row.progress.actual, locale)}</td>
            <td className={numberCell}>{row.progress.achievedPercent === null ? '—' : formatPercent(row.progress.achievedPercent, locale)}</td>
            <td className={numberCell}>{row.progress.expectedToDate === null ? '—' : decimal(row.progress.expectedToDate)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** 新規 / 継続 and the whole, in supports and companies, with the hours. */
export function TotalsTable({ report, locale }: { report: CommissionReport; locale: Locale }) {
  const { t } = useTranslation();
  const { totals } = report;
  const rows = [
    { label: t('reports.new'), supports: totals.newSupports, companies: totals.newCompanies },
    { label: t('reports.continuing'), supports: totals.continuingSupports, companies: totals.continuingCompanies },
  ];
  return (
    <DataTable caption={t('reports.totalsCaption')}>
      <thead>
        <tr className={headRowClass}>
          <th scope="col" className={colHeadClass}>
            {t('reports.category')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.supports')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.companies')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={bodyRowClass}>
            <th scope="row" className={thClass}>
              {row.label}
            </th>
            <td className={numberCell}>{formatCount(row.supports, locale)}</td>
            <td className={numberCell}>{formatCount(row.companies, locale)}</td>
          </tr>
        ))}
        <tr className="border-b-2 border-solid-gray-900">
          <th scope="row" className={thClass}>
            {t('reports.total')}
          </th>
          <td className={`${numberCell} font-bold`}>{formatCount(totals.supports, locale)}</td>
          <td className={`${numberCell} font-bold`}>{formatCount(totals.companies, locale)}</td>
        </tr>
      </tbody>
    </DataTable>
  );
}

/** 月別実績: the months 4月…3月, each quarter's subtotal after its months, and the period's total. */
export function MonthlyTable({ report, locale }: { report: CommissionReport; locale: Locale }) {
  const { t } = useTranslation();
  const whole = report.crossTabs[0]?.total;
  const byKey = new Map(report.byMonth.map((month) => [month.key, month]));
  const hours = (minutes: number) => formatHours(minutes, locale);
  return (
    <DataTable caption={t('reports.monthlyCaption')}>
      <thead>
        <tr className={headRowClass}>
          <th scope="col" className={colHeadClass}>
            {t('reports.month')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.supports')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.companies')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.hours')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.preparationHours')}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.quarters.map((quarter, index) => {
          const months = quarter.months.map((key) => byKey.get(key)).filter((month) => month !== undefined);
          const cell = whole?.quarters[index];
          const preparation = months.reduce((sum, month) => sum + month.preparationMinutes, 0);
          return (
            <Fragment key={quarter.key}>
              {months.map((month) => (
                <tr key={month.key} className={bodyRowClass}>
                  <th scope="row" className={`${thClass} whitespace-nowrap font-normal`}>
                    {month.label}
                  </th>
                  <td className={numberCell}>{formatCount(month.supports, locale)}</td>
                  <td className={numberCell}>{formatCount(month.companies, locale)}</td>
                  <td className={numberCell}>{hours(month.minutes)}</td>
                  <td className={numberCell}>{hours(month.preparationMinutes)}</td>
                </tr>
              ))}
              <tr className={`${bodyRowClass} border-b-solid-gray-600`}>
                <th scope="row" className={`${thClass} whitespace-nowrap bg-solid-gray-50`}>
                  {t('reports.subtotal', { period: quarter.label })}
                </th>
                <td className={subtotalCell}>{cell ? <Figure value={cell.supports} locale={locale} /> : null}</td>
                <td className={subtotalCell}>{cell ? <Figure value={cell.companies} locale={locale} /> : null}</td>
                <td className={subtotalCell}>{cell ? <Figure value={cell.minutes} locale={locale} hours /> : null}</td>
                <td className={subtotalCell}>{hours(preparation)}</td>
              </tr>
            </Fragment>
          );
        })}
        <tr className="border-b-2 border-solid-gray-900">
          <th scope="row" className={thClass}>
            {t('reports.periodTotal')}
          </th>
          <td className={`${numberCell} font-bold`}>{formatCount(report.totals.supports, locale)}</td>
          <td className={`${numberCell} font-bold`}>{formatCount(report.totals.companies, locale)}</td>
          <td className={`${numberCell} font-bold`}>{hours(report.totals.minutes)}</td>
          <td className={`${numberCell} font-bold`}>{hours(report.totals.preparationMinutes)}</td>
        </tr>
      </tbody>
    </DataTable>
  );
}

/**
 * One dimension (相談方法, 業種…): 延べ件数 by month with each quarter's subtotal after its months, then the
 * period's 延べ件数, 実事業者数 and hours, one row per code and the whole at the bottom.
 */
export function CrossTabTable({ report, crossTab, locale, caption }: { report: CommissionReport; crossTab: CrossTab; locale: Locale; caption: ReactNode }) {
  const { t } = useTranslation();
  const byKey = new Map(report.months.map((month, index) => [month.key, index]));
  // Columns in reading order: months of a quarter, then its subtotal.
  const columns = report.quarters.flatMap((quarter, quarterIndex) => [
    ...quarter.months.map((key) => ({ kind: 'month' as const, index: byKey.get(key) ?? 0, label: report.months[byKey.get(key) ?? 0]?.label ?? key, key })),
    { kind: 'quarter' as const, index: quarterIndex, label: quarter.label, key: quarter.key },
  ]);
  const cellOf = (row: { months: ReportCell[]; quarters: ReportCell[] }, column: (typeof columns)[number]) =>
    column.kind === 'month' ? row.months[column.index] : row.quarters[column.index];
  const renderRow = (label: ReactNode, row: { months: ReportCell[]; quarters: ReportCell[]; total: ReportCell }, isTotal: boolean, key: string) => (
    <tr key={key} className={isTotal ? 'border-y-2 border-solid-gray-900' : bodyRowClass}>
      <th scope="row" className={`${thClass} min-w-40 ${isTotal ? '' : 'font-normal'}`}>
        {label}
      </th>
      {columns.map((column) => {
        const cell = cellOf(row, column);
        return (
          <td key={column.key} className={column.kind === 'quarter' ? subtotalCell : isTotal ? `${numberCell} font-bold` : numberCell}>
            {cell ? <Figure value={cell.supports} locale={locale} /> : null}
          </td>
        );
      })}
      <td className={`${numberCell} font-bold`}>
        <Figure value={row.total.supports} locale={locale} />
      </td>
      <td className={`${numberCell} ${isTotal ? 'font-bold' : ''}`}>
        <Figure value={row.total.companies} locale={locale} />
      </td>
      <td className={`${numberCell} ${isTotal ? 'font-bold' : ''}`}>
        <Figure value={row.total.minutes} locale={locale} hours />
      </td>
    </tr>
  );
  return (
    <DataTable caption={caption} className="report-crosstab">
      <thead>
        <tr className={headRowClass}>
          <th scope="col" className={colHeadClass}>
            {t('reports.category')}
          </th>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={`${colHeadEndClass} ${column.kind === 'quarter' ? 'bg-solid-gray-200' : ''}`}>
              {column.label}
            </th>
          ))}
          <th scope="col" className={colHeadEndClass}>
            {t('reports.totalSupports')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.companies')}
          </th>
          <th scope="col" className={colHeadEndClass}>
            {t('reports.hours')}
          </th>
        </tr>
      </thead>
      <tbody>
        {crossTab.rows.map((row) => renderRow(row.label, row, false, row.code))}
        {renderRow(crossTab.multiAnswer ? t('reports.wholeDistinct') : t('reports.total'), crossTab.total, true, '__total')}
      </tbody>
    </DataTable>
  );
}
