import type { CommissionReport, ReportCell } from '../../../shared/schemas/report';
import { reportText } from './report-text';

/** One value of a table: a number, or 「*」 where the publication suppresses it, or text. */
export type TableValue = string | number;

export const longTableHeader = ['集計軸コード', '集計軸', 'コード', '名称', '期間コード', '期間', '延べ件数', '実事業者数', '相談時間（分）'];

/**
 * The base table of the report in long format, one row per dimension, code and period (months, fiscal
 * quarters, the period): what the CSV holds and the workbook's data sheet repeats. Machine-readable: one
 * header row, codes beside labels, suppressed values as 「*」.
 */
export function longTableRows(report: CommissionReport): TableValue[][] {
  const words = reportText('ja');
  const periods = [
    ...report.months.map((month) => ({ key: month.key, label: month.label })),
    ...report.quarters.map((quarter) => ({ key: quarter.key, label: quarter.label })),
    { key: 'total', label: words.periodTotal },
  ];
  const rowsOf = (dimension: string, title: string, code: string, label: string, cells: { months: ReportCell[]; quarters: ReportCell[]; total: ReportCell }) =>
    [...cells.months, ...cells.quarters, cells.total].map((cell, index) => [
      dimension,
      title,
      code,
      label,
      periods[index]!.key,
      periods[index]!.label,
      cell.supports,
      cell.companies,
      cell.minutes,
    ]);
  const total = report.crossTabs[0]?.total;
  return [
    ...(total ? rowsOf('total', words.total, 'all', words.total, total) : []),
    ...report.crossTabs.flatMap((tab) => tab.rows.flatMap((row) => rowsOf(tab.dimension, tab.title, row.code, row.label, row))),
  ];
}
