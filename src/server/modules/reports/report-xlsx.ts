import ExcelJS from 'exceljs';
import { activityChannels, caseTypes } from '../../../shared/domain/desk';
import type { CommissionReport, ReportCell } from '../../../shared/schemas/report';
import { translator } from '../../platform/i18n';
import { reportText } from './report-text';
import { longTableHeader, longTableRows, type TableValue } from './report-table';

/**
 * The commission report as an Excel workbook (ADR 0015):
 * 1. 「実績報告」 for people: title with 年度 in 西暦 and 和暦, the programme and its period, the KPI table
 *    (目標 / 実績 / 達成率), the monthly table with quarterly subtotals and one table per dimension;
 * 2. machine-readable sheets: no merged cells, one header row, one table per sheet: 「集計データ」 (the long
 *    format of the CSV), 「KPI」 and 「集計定義」 (the counting rules used).
 * Suppressed values are the text 「*」 everywhere; every other figure is a number.
 */

const FONT = 'Yu Gothic';
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7ECF3' } };

const definition = [
  '延べ件数：次の条件をすべて満たす支援記録（相談対応）の件数。1回の支援は、同席した職員の人数にかかわらず1件と数える。',
  '条件1：この委託事業が指定された記録、または委託事業の指定がない記録で、この委託事業が既定の委託事業であるもの（アーカイブ中の委託事業は既定とみなさない）。',
  '条件2：対応日（日本時間の日付）が契約期間内であること。',
  '条件3：「実績に計上する」とされた記録であること。',
  '条件4：相談方法と案件種別が、この委託事業の集計対象に含まれること。',
  '条件5：相談時間（「準備・移動時間を含む」設定の場合は相談・準備・移動の合計）が最低相談時間以上であること。',
  '実事業者数：集計対象の記録の事業者の数。法人番号で識別する設定では、同じ法人番号の台帳登録を1者とし、法人番号のない事業者は台帳の登録ごとに1者とする。アーカイブ済みの事業者も数える。',
  '新規・継続：その年度の4月1日より前に、実績に計上する支援記録（委託事業・相談方法・案件種別を問わない）がない事業者を新規、それ以外を継続とする。',
  '相談時間：集計対象の記録の相談時間の合計。準備・移動時間は別に合計する。',
  '業種・市区町村・規模：事業者台帳の現在の値による。',
];

const formatDate = (isoDate: string) => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

type Column = { kind: 'month' | 'quarter'; index: number; label: string };

/** Months with each quarter's subtotal after its months, as a printed 実績報告 reads. */
function periodColumns(report: CommissionReport): Column[] {
  const columns: Column[] = [];
  report.quarters.forEach((quarter, quarterIndex) => {
    for (const key of quarter.months) {
      const index = report.months.findIndex((month) => month.key === key);
      columns.push({ kind: 'month', index, label: report.months[index]!.label });
    }
    columns.push({ kind: 'quarter', index: quarterIndex, label: quarter.label });
  });
  return columns;
}

function put(sheet: ExcelJS.Worksheet, row: number, column: number, value: TableValue | null, style: { bold?: boolean; header?: boolean; format?: string; boxed?: boolean; size?: number } = {}) {
  const cell = sheet.getCell(row, column);
  cell.value = value;
  cell.font = { name: FONT, size: style.size ?? 10, bold: style.bold || style.header };
  if (style.boxed || style.header) cell.border = border;
  if (style.header) {
    cell.fill = headerFill;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  } else if (typeof value === 'number' || value === '*') {
    cell.alignment = { horizontal: 'right' };
  }
  if (style.format && typeof value === 'number') cell.numFmt = style.format;
  return cell;
}

const hours = (minutes: number | '*') => (minutes === '*' ? '*' : Math.round((minutes / 60) * 10) / 10);
const percent = (value: number | null) => (value === null ? null : value / 100);

function humanSheet(workbook: ExcelJS.Workbook, report: CommissionReport) {
  const sheet = workbook.addWorksheet('実績報告', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ showGridLines: false }],
  });
  const columns = periodColumns(report);
  const lastColumn = columns.length + 4;
  sheet.getColumn(1).width = 30;
  for (let column = 2; column <= lastColumn; column++) sheet.getColumn(column).width = 10;

  let row = 1;
  sheet.mergeCells(row, 1, row, lastColumn);
  put(sheet, row, 1, `${report.fiscalYearLabel} ${report.programme.name} 実績報告`, { bold: true, size: 16 });
  sheet.getRow(row).height = 28;
  row += 1;
  sheet.mergeCells(row, 1, row, lastColumn);
  const commissioner = report.programme.commissioner ? `委託元：${report.programme.commissioner}\u3000` : '';
  put(sheet, row, 1, `${commissioner}契約期間：${formatDate(report.period.from)}～${formatDate(report.period.to)}\u3000集計日：${formatDate(report.asOf)}`);
  if (report.publication) {
    row += 1;
    sheet.mergeCells(row, 1, row, lastColumn);
    put(sheet, row, 1, '公表用（秘匿処理済み）', { bold: true });
  }

  row += 2;
  put(sheet, row, 1, '1. 成果指標（KPI）の達成状況', { bold: true, size: 12 });
  row += 1;
  ['指標', '目標', '実績', '達成率', '今月末の目標ペース'].forEach((label, index) => put(sheet, row, index + 1, label, { header: true }));
  const kpis: [string, number | null, number, number | null, number | null, string][] = [
    ['延べ件数（件）', report.progress.supports.target, report.progress.supports.actual, report.progress.supports.achievedPercent, report.progress.supports.expectedToDate, '#,##0'],
    ['実事業者数（者）', report.progress.companies.target, report.progress.companies.actual, report.progress.companies.achievedPercent, report.progress.companies.expectedToDate, '#,##0'],
    ['うち新規（者）', null, report.totals.newCompanies, null, null, '#,##0'],
    ['うち継続（者）', null, report.totals.continuingCompanies, null, null, '#,##0'],
    ['相談時間（時間）', null, report.totals.hours, null, null, '#,##0.0'],
    ['準備・移動時間（時間）', null, report.totals.preparationHours, null, null, '#,##0.0'],
  ];
  for (const [label, target, actual, achieved, pace, format] of kpis) {
    row += 1;
    put(sheet, row, 1, label, { boxed: true });
    put(sheet, row, 2, target, { boxed: true, format });
    put(sheet, row, 3, actual, { boxed: true, format });
    put(sheet, row, 4, percent(achieved), { boxed: true, format: '0.0%' });
    put(sheet, row, 5, pace, { boxed: true, format: '#,##0.0' });
  }

  const tableHeader = (title: string, extra: string[]) => {
    row += 1;
    put(sheet, row, 1, title, { header: true });
    columns.forEach((column, index) => put(sheet, row, index + 2, column.label, { header: true }));
    extra.forEach((label, index) => put(sheet, row, columns.length + 2 + index, label, { header: true }));
  };
  const pick = (cells: { months: ReportCell[]; quarters: ReportCell[] }, column: Column) => (column.kind === 'month' ? cells.months : cells.quarters)[column.index]!;

  const total = report.crossTabs[0]!.total;
  row += 2;
  put(sheet, row, 1, '2. 月別実績', { bold: true, size: 12 });
  tableHeader('区分', ['合計']);
  const monthly: [string, (cell: ReportCell) => TableValue, string][] = [
    ['延べ件数（件）', (cell) => cell.supports, '#,##0'],
    ['実事業者数（者）', (cell) => cell.companies, '#,##0'],
    ['相談時間（時間）', (cell) => hours(cell.minutes), '#,##0.0'],
  ];
  for (const [label, value, format] of monthly) {
    row += 1;
    put(sheet, row, 1, label, { boxed: true });
    columns.forEach((column, index) => put(sheet, row, index + 2, value(pick(total, column)), { boxed: true, format, bold: column.kind === 'quarter' }));
    put(sheet, row, columns.length + 2, value(total.total), { boxed: true, format, bold: true });
  }

  report.crossTabs.forEach((tab, tabIndex) => {
    row += 2;
    put(sheet, row, 1, `${tabIndex + 3}. ${tab.title}（延べ件数）`, { bold: true, size: 12 });
    tableHeader('区分', ['合計', '実事業者数', '相談時間（時間）']);
    const line = (label: string, cells: { months: ReportCell[]; quarters: ReportCell[]; total: ReportCell }, bold = false) => {
      row += 1;
      put(sheet, row, 1, label, { boxed: true, bold });
      columns.forEach((column, index) => put(sheet, row, index + 2, pick(cells, column).supports, { boxed: true, format: '#,##0', bold: bold || column.kind === 'quarter' }));
      put(sheet, row, columns.length + 2, cells.total.supports, { boxed: true, format: '#,##0', bold: true });
      put(sheet, row, columns.length + 3, cells.total.companies, { boxed: true, format: '#,##0', bold });
      put(sheet, row, columns.length + 4, hours(cells.total.minutes), { boxed: true, format: '#,##0.0', bold });
    };
    for (const tabRow of tab.rows) line(tabRow.label, tabRow);
    line(tab.multiAnswer ? reportText('ja').multiAnswerTotalRow : reportText('ja').totalRow, tab.total, true);
  });

  row += 2;
  put(sheet, row, 1, '注記', { bold: true, size: 12 });
  for (const note of report.notes) {
    row += 1;
    sheet.mergeCells(row, 1, row, lastColumn);
    put(sheet, row, 1, `・${note}`);
  }
}

/** A machine-readable sheet: one header row, then the rows; no merged cells, no title rows. */
function tableSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: (TableValue | null)[][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { name: FONT, bold: true };
  for (const values of rows) sheet.addRow(values).font = { name: FONT };
  header.forEach((label, index) => {
    sheet.getColumn(index + 1).width = Math.max(12, label.length * 2 + 2);
  });
  return sheet;
}

function definitionRows(report: CommissionReport): (TableValue | null)[][] {
  const t = translator('ja', 'desk');
  const p = report.programme;
  return [
    ['事業名', p.name],
    ['委託元', p.commissioner ?? ''],
    ['年度', report.fiscalYearLabel],
    ['契約期間（開始）', p.startsOn],
    ['契約期間（終了）', p.endsOn],
    ['延べ件数の目標', p.supportTarget],
    ['実事業者数の目標', p.companyTarget],
    ['集計対象の相談方法', activityChannels.filter((code) => p.countedChannels.includes(code)).map((code) => t(`channel.${code}`)).join('、')],
    ['集計対象の案件種別', caseTypes.filter((code) => p.countedCaseTypes.includes(code)).map((code) => t(`caseType.${code}`)).join('、')],
    ['最低相談時間（分）', p.minimumMinutes],
    ['相談時間の基準', t(`minutesBasis.${p.minutesBasis}`)],
    ['実事業者の識別', t(`companyIdentity.${p.companyIdentity}`)],
    ['秘匿の閾値', p.suppressionThreshold],
    ['既定の委託事業', p.isDefault && !p.archivedAt ? 'はい' : 'いいえ'],
    ['状態', p.archivedAt ? 'アーカイブ' : '有効'],
    ['公表用（秘匿処理）', report.publication ? 'はい' : 'いいえ'],
    ['集計日', report.asOf],
    ...definition.map((line, index): TableValue[] => [`集計の定義${index + 1}`, line]),
  ];
}

export async function commissionWorkbook(report: CommissionReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tsumugi';
  workbook.created = new Date(`${report.asOf}T00:00:00+09:00`);
  humanSheet(workbook, report);
  tableSheet(workbook, '集計データ', longTableHeader, longTableRows(report));
  const kpi = (code: string, label: string, target: number | null, actual: number, achieved: number | null, pace: number | null) => [code, label, target, actual, achieved, pace];
  tableSheet(workbook, 'KPI', ['指標コード', '指標', '目標', '実績', '達成率（％）', '今月末の目標ペース'], [
    kpi('supports', '延べ件数（件）', report.progress.supports.target, report.progress.supports.actual, report.progress.supports.achievedPercent, report.progress.supports.expectedToDate),
    kpi('companies', '実事業者数（者）', report.progress.companies.target, report.progress.companies.actual, report.progress.companies.achievedPercent, report.progress.companies.expectedToDate),
    kpi('newCompanies', '新規事業者数（者）', null, report.totals.newCompanies, null, null),
    kpi('continuingCompanies', '継続事業者数（者）', null, report.totals.continuingCompanies, null, null),
    kpi('hours', '相談時間（時間）', null, report.totals.hours, null, null),
    kpi('preparationHours', '準備・移動時間（時間）', null, report.totals.preparationHours, null, null),
  ]);
  tableSheet(workbook, '集計定義', ['項目', '値'], definitionRows(report)).getColumn(2).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
