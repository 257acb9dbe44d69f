import ExcelJS from 'exceljs';
import { reviewTerms } from '../../../../shared/domain/plans';
import {
  annualReportText,
  excelNumberFormat,
  reportIndicators,
  reviewOf,
  type AnnualReportData,
  type AnnualReportIndicator,
  type AnnualReportSection,
  type AnnualReportText,
} from './annual-report';

/**
 * The annual progress report (年次進捗報告) as an Excel workbook:
 * 1. 「年次進捗報告」 for people: title, plan period and progress, then each item of the plan (分野, 取組分野…)
 *    as a heading row (code, level, title, 担当課, progress, review grades) followed by its indicators. One
 *    column header row, repeated on every printed page and frozen on screen; A4 landscape, fitted to the
 *    width. Every status is written as a word: no colour carries meaning.
 * 2. machine-readable sheets (行政データ機械可読性ルール L1-10…13): one header row, no merged cells, stable IDs,
 *    numbers as numbers and blank for a missing value: 「指標データ」 (one row per indicator per item) and
 *    「評価」 (the reviews).
 */

const FONT = 'Yu Gothic';
const COLUMN_COUNT = 8;
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7ECF3' } };
const sectionFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };

type Value = string | number | null;

interface CellStyle {
  bold?: boolean;
  size?: number;
  header?: boolean;
  boxed?: boolean;
  format?: string;
  wrap?: boolean;
  indent?: number;
  fill?: ExcelJS.Fill;
}

function put(sheet: ExcelJS.Worksheet, row: number, column: number, value: Value, style: CellStyle = {}) {
  const cell = sheet.getCell(row, column);
  cell.value = value;
  cell.font = { name: FONT, size: style.size ?? 10, bold: style.bold || style.header };
  if (style.boxed || style.header) cell.border = border;
  if (style.header) {
    cell.fill = headerFill;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  } else if (typeof value === 'number') {
    cell.alignment = { horizontal: 'right', vertical: 'top' };
  } else {
    cell.alignment = { vertical: 'top', wrapText: style.wrap ?? false, indent: style.indent ?? 0 };
  }
  if (style.fill) cell.fill = style.fill;
  if (style.format && typeof value === 'number') cell.numFmt = style.format;
  return cell;
}

/** A line of text across the whole width of the report sheet. */
function putLine(sheet: ExcelJS.Worksheet, row: number, text: string, style: CellStyle = {}) {
  sheet.mergeCells(row, 1, row, COLUMN_COUNT);
  put(sheet, row, 1, text, style);
}

function indicatorLabel(indicator: AnnualReportIndicator) {
  return indicator.code ? `${indicator.code} ${indicator.name}` : indicator.name;
}

function putIndicator(sheet: ExcelJS.Worksheet, row: number, indicator: AnnualReportIndicator, depth: number, t: AnnualReportText) {
  const format = excelNumberFormat(indicator.decimals);
  const figure = (value: number | null) => value ?? t.empty;
  put(sheet, row, 1, indicatorLabel(indicator), { boxed: true, wrap: true, indent: depth + 1 });
  put(sheet, row, 2, indicator.unit, { boxed: true });
  put(sheet, row, 3, t.baseline(indicator), { boxed: true, wrap: true });
  put(sheet, row, 4, figure(indicator.target), { boxed: true, format });
  put(sheet, row, 5, figure(indicator.actual), { boxed: true, format });
  put(sheet, row, 6, indicator.achievement === null ? t.empty : indicator.achievement / 100, { boxed: true, format: '0.0%' });
  put(sheet, row, 7, t.status[indicator.status], { boxed: true });
  put(sheet, row, 8, indicator.narrative, { boxed: true, wrap: true });
}

function sectionDetails(section: AnnualReportSection, t: AnnualReportText): string {
  const parts = [section.division ? t.division(section.division) : null, t.progress(section.progress)];
  for (const term of reviewTerms) {
    const review = reviewOf(section, term);
    if (review) parts.push(t.review(review));
  }
  return parts.filter((part): part is string => part !== null).join('\u3000');
}

function reportSheet(workbook: ExcelJS.Workbook, data: AnnualReportData, t: AnnualReportText) {
  const sheet = workbook.addWorksheet(t.sheets.report, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    views: [{ showGridLines: false }],
  });
  [40, 8, 16, 12, 12, 10, 10, 50].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });

  let row = 1;
  putLine(sheet, row, t.title(data), { bold: true, size: 16 });
  sheet.getRow(row).height = 28;
  row += 1;
  const byline = [t.fill(t.organisation, { organisation: data.organisation }), data.edition, t.fill(t.generatedOn, { date: t.date(data.generatedOn) })];
  putLine(sheet, row, byline.filter((part) => part !== '').join('\u3000'));
  row += 1;
  putLine(sheet, row, t.fill(t.planPeriod, { period: data.planPeriodLabel }));
  row += 1;
  const counts = t.indicatorCounts(reportIndicators(data).map(({ indicator }) => indicator));
  putLine(sheet, row, `${t.planProgress(data.progress)}\u3000${counts}`, { bold: true });

  row += 2;
  const headerRow = row;
  const c = t.columns;
  const labels = [c.indicator, c.unit, c.baseline, c.target, c.actual, c.achievement, c.status, c.narrative];
  labels.forEach((label, index) => put(sheet, row, index + 1, label, { header: true }));
  sheet.views = [{ state: 'frozen', ySplit: headerRow, showGridLines: false }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  if (data.planIndicators.length > 0) {
    row += 1;
    putLine(sheet, row, t.headings.planIndicators, { bold: true, boxed: true, fill: sectionFill });
    for (const indicator of data.planIndicators) putIndicator(sheet, ++row, indicator, 0, t);
  }

  for (const section of data.sections) {
    row += 1;
    put(sheet, row, 1, t.sectionHeading(section), { bold: true, boxed: true, wrap: true, indent: section.depth, fill: sectionFill });
    sheet.mergeCells(row, 2, row, COLUMN_COUNT);
    put(sheet, row, 2, sectionDetails(section, t), { bold: true, boxed: true, wrap: true, fill: sectionFill });
    for (const indicator of section.indicators) putIndicator(sheet, ++row, indicator, section.depth, t);
    const milestones: [string, string[]][] = [
      [t.headings.milestonesPlanned, section.milestones.planned],
      [t.headings.milestonesAchieved, section.milestones.achieved],
    ];
    for (const [label, titles] of milestones) {
      if (titles.length === 0) continue;
      row += 1;
      put(sheet, row, 1, label, { boxed: true, indent: section.depth + 1 });
      sheet.mergeCells(row, 2, row, COLUMN_COUNT);
      put(sheet, row, 2, titles.join('、'), { boxed: true, wrap: true });
    }
  }
}

/** A machine-readable sheet: one header row, then the rows; no merged cells, no title rows. */
function tableSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Value[][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { name: FONT, bold: true };
  for (const values of rows) sheet.addRow(values).font = { name: FONT };
  header.forEach((label, index) => {
    sheet.getColumn(index + 1).width = Math.max(12, label.length * 2 + 2);
  });
  return sheet;
}

function indicatorRows(data: AnnualReportData, t: AnnualReportText): Value[][] {
  return reportIndicators(data).map(({ section, indicator }) => [
    data.fiscalYear,
    section?.nodeId ?? null,
    section?.code ?? null,
    section?.level ?? t.planLevel,
    section?.title ?? data.planTitle,
    section?.division ?? null,
    indicator.id,
    indicator.code,
    indicator.name,
    indicator.unit,
    t.direction[indicator.direction],
    t.kind[indicator.kind],
    indicator.decimals,
    indicator.baseline.value,
    indicator.baseline.fiscalYear,
    indicator.target,
    indicator.originalTarget,
    indicator.actual,
    indicator.achievement,
    indicator.status,
    t.status[indicator.status],
    indicator.method,
    indicator.source,
    indicator.narrative,
  ]);
}

function reviewRows(data: AnnualReportData, t: AnnualReportText): Value[][] {
  return data.sections.flatMap((section) =>
    section.reviews.map((review) => [
      data.fiscalYear,
      section.nodeId,
      section.code,
      section.level,
      section.title,
      section.division,
      section.progress,
      review.term,
      t.term[review.term],
      review.grade,
      review.comment,
    ]),
  );
}

/** The annual progress report of `data` as an XLSX workbook (Japanese). */
export async function annualReportWorkbook(data: AnnualReportData): Promise<Buffer> {
  const t = annualReportText('ja');
  const d = t.dataColumns;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tsumugi';
  workbook.title = t.title(data);
  workbook.subject = t.reportName;
  workbook.company = data.organisation;
  workbook.created = new Date(`${data.generatedOn}T00:00:00+09:00`);
  reportSheet(workbook, data, t);
  const indicatorHeader = [
    d.fiscalYear, d.nodeId, d.nodeCode, d.level, d.nodeTitle, d.division, d.indicatorId, d.indicatorCode, d.indicatorName, d.unit, d.direction, d.kind,
    d.decimals, d.baseline, d.baselineYear, d.target, d.originalTarget, d.actual, d.achievement, d.statusCode, d.status, d.method, d.source, d.narrative,
  ];
  tableSheet(workbook, t.sheets.indicators, indicatorHeader, indicatorRows(data, t));
  const reviewHeader = [d.fiscalYear, d.nodeId, d.nodeCode, d.level, d.nodeTitle, d.division, d.progress, d.termCode, d.term, d.grade, d.comment];
  tableSheet(workbook, t.sheets.reviews, reviewHeader, reviewRows(data, t)).getColumn(reviewHeader.length).width = 80;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
