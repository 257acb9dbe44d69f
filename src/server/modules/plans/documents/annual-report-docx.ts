import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { reviewTerms } from '../../../../shared/domain/plans';
import {
  annualReportText,
  reviewOf,
  type AnnualReportData,
  type AnnualReportIndicator,
  type AnnualReportSection,
  type AnnualReportText,
} from './annual-report';

/**
 * The annual progress report (年次進捗報告) as a Word document in Japanese: a title block, a summary (the plan's
 * progress, the indicators by status and a table of the top items), then one heading per item of the plan
 * (Heading 1 for the top level, 2 for the next, 3 below) with its progress, reviews, indicator table,
 * narratives and milestones.
 *
 * Accessibility (JIS X 8341-3 / Word's accessibility checker): real heading styles in order, every table
 * preceded by a numbered caption, header rows marked as table headers (repeated on each page), the language
 * set to ja-JP on every run, no meaning carried by colour alone, and no merged cells.
 */

const FONT = 'Noto Sans JP';
const LANGUAGE = { value: 'ja-JP', eastAsia: 'ja-JP' };
/** 10.5 pt, the usual body size of Japanese official documents (docx counts half-points). */
const BODY_SIZE = 21;
/** A4 portrait with 20 mm margins, in twips. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

/**
 * The font table: Noto Sans JP (the Digital Agency design system's typeface) with Yu Gothic and MS Gothic named
 * as alternatives, so Word on a PC without Noto Sans JP still shows a Japanese gothic face. docx only writes
 * entries for embedded fonts, so the part is written here and handed to the packer as an override.
 */
const FONT_TABLE = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
  `<w:font w:name="${FONT}"><w:altName w:val="Yu Gothic"/><w:charset w:val="80"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>`,
  '<w:font w:name="Yu Gothic"><w:altName w:val="游ゴシック"/><w:charset w:val="80"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>',
  '<w:font w:name="MS Gothic"><w:altName w:val="ＭＳ ゴシック"/><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>',
  '</w:fonts>',
].join('');

type RunOptions = Omit<IRunOptions, 'text' | 'language'>;

const run = (text: string, options: RunOptions = {}) => new TextRun({ ...options, text, language: LANGUAGE });

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

function paragraph(text: string, options: { bold?: boolean; alignment?: Alignment; keepNext?: boolean } = {}) {
  return new Paragraph({
    alignment: options.alignment,
    keepNext: options.keepNext,
    children: [run(text, { bold: options.bold })],
  });
}

/** Multi-line text (comments, narratives) as one paragraph per line. */
function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => paragraph(line));
}

const headingLevel = (depth: number) => (depth === 0 ? HeadingLevel.HEADING_1 : depth === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3);

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false) {
  return new Paragraph({ heading: level, pageBreakBefore, keepNext: true, children: [run(text)] });
}

/** The caption a table is announced by (Word's 「図表番号」 style), kept on the page of its table. */
function caption(text: string) {
  return new Paragraph({ style: 'Caption', keepNext: true, children: [run(text, { bold: true })] });
}

interface Column {
  label: string;
  /** Share of the content width, in %. */
  width: number;
  numeric?: boolean;
}

function table(columns: Column[], rows: string[][]): Table {
  const cell = (text: string, column: Column, isHeader: boolean) =>
    new TableCell({
      shading: isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7ECF3' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: isHeader ? AlignmentType.CENTER : column.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run(text, { bold: isHeader })],
        }),
      ],
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((column) => Math.round((CONTENT_WIDTH * column.width) / 100)),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((column) => cell(column.label, column, true)) }),
      ...rows.map((values) => new TableRow({ cantSplit: true, children: columns.map((column, index) => cell(values[index] ?? '', column, false)) })),
    ],
  });
}

function indicatorTable(indicators: AnnualReportIndicator[], t: AnnualReportText): Table {
  const c = t.columns;
  const columns: Column[] = [
    { label: c.indicator, width: 31 },
    { label: c.unit, width: 8 },
    { label: c.baseline, width: 16, numeric: true },
    { label: c.target, width: 11, numeric: true },
    { label: c.actual, width: 11, numeric: true },
    { label: c.achievement, width: 10, numeric: true },
    { label: c.status, width: 13 },
  ];
  return table(
    columns,
    indicators.map((indicator) => [
      indicator.code ? `${indicator.code} ${indicator.name}` : indicator.name,
      indicator.unit,
      t.baseline(indicator),
      t.figure(indicator.target, indicator.decimals),
      t.figure(indicator.actual, indicator.decimals),
      t.percent(indicator.achievement),
      t.status[indicator.status],
    ]),
  );
}

/** Narratives of the approved updates, each under the name of its indicator. */
function narratives(indicators: AnnualReportIndicator[], t: AnnualReportText): Paragraph[] {
  const withNarrative = indicators.filter((indicator) => indicator.narrative.trim() !== '');
  if (withNarrative.length === 0) return [];
  return [
    paragraph(t.headings.narratives, { bold: true, keepNext: true }),
    ...withNarrative.flatMap((indicator) => [
      paragraph(indicator.code ? `${indicator.code} ${indicator.name}` : indicator.name, { bold: true, keepNext: true }),
      ...paragraphs(indicator.narrative),
    ]),
  ];
}

function milestoneList(label: string, titles: string[]): Paragraph[] {
  if (titles.length === 0) return [];
  return [
    paragraph(label, { bold: true, keepNext: true }),
    ...titles.map((title) => new Paragraph({ bullet: { level: 0 }, children: [run(title)] })),
  ];
}

function titleBlock(data: AnnualReportData, t: AnnualReportText): Paragraph[] {
  return [
    new Paragraph({
      style: 'Title',
      alignment: AlignmentType.CENTER,
      spacing: { before: 2400, after: 240 },
      children: [run(data.planTitle, { bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 1200 },
      children: [run(t.fill(t.fiscalYearTitle, { fiscalYearLabel: data.fiscalYearLabel }), { bold: true, size: 32 })],
    }),
    ...[
      data.organisation,
      data.edition,
      t.fill(t.planPeriod, { period: data.planPeriodLabel }),
      t.fill(t.generatedOn, { date: t.date(data.generatedOn) }),
    ]
      .filter((line) => line.trim() !== '')
      .map((line) => paragraph(line, { alignment: AlignmentType.CENTER })),
  ];
}

function summary(data: AnnualReportData, t: AnnualReportText, nextTable: () => number): (Paragraph | Table)[] {
  const allIndicators = [...data.planIndicators, ...data.sections.flatMap((section) => section.indicators)];
  const blocks: (Paragraph | Table)[] = [
    heading(t.headings.summary, HeadingLevel.HEADING_1, true),
    paragraph(t.planProgress(data.progress)),
    paragraph(t.indicatorCounts(allIndicators)),
  ];
  const top = data.sections.filter((section) => section.depth === 0);
  if (top.length > 0) {
    const c = t.columns;
    const levels = [...new Set(top.map((section) => section.level))].join('・');
    blocks.push(
      caption(t.fill(t.tables.summary, { number: nextTable(), levels })),
      table(
        [
          { label: c.code, width: 9 },
          { label: c.level, width: 10 },
          { label: c.title, width: 33 },
          { label: c.division, width: 16 },
          { label: c.progress, width: 10, numeric: true },
          { label: c.firstHalfReview, width: 11 },
          { label: c.annualReview, width: 11 },
        ],
        top.map((section) => [
          section.code ?? '',
          section.level,
          section.title,
          section.division ?? '',
          t.percent(section.progress),
          reviewOf(section, 'first_half')?.grade ?? t.empty,
          reviewOf(section, 'annual')?.grade ?? t.empty,
        ]),
      ),
    );
  }
  if (data.planIndicators.length > 0) {
    blocks.push(
      heading(t.headings.planIndicators, HeadingLevel.HEADING_1),
      caption(t.fill(t.tables.planIndicators, { number: nextTable() })),
      indicatorTable(data.planIndicators, t),
      ...narratives(data.planIndicators, t),
    );
  }
  return blocks;
}

function section(item: AnnualReportSection, t: AnnualReportText, nextTable: () => number): (Paragraph | Table)[] {
  const details = [item.division ? t.division(item.division) : null, t.progress(item.progress)].filter((part): part is string => part !== null);
  const blocks: (Paragraph | Table)[] = [heading(t.sectionHeading(item), headingLevel(item.depth)), paragraph(details.join('\u3000'))];
  for (const term of reviewTerms) {
    const review = reviewOf(item, term);
    if (!review) continue;
    blocks.push(paragraph(t.review(review), { bold: true, keepNext: review.comment.trim() !== '' }), ...paragraphs(review.comment));
  }
  if (item.indicators.length > 0) {
    blocks.push(
      caption(t.fill(t.tables.indicators, { number: nextTable(), title: item.title })),
      indicatorTable(item.indicators, t),
      ...narratives(item.indicators, t),
    );
  } else {
    blocks.push(paragraph(t.noIndicators));
  }
  blocks.push(
    ...milestoneList(t.headings.milestonesPlanned, item.milestones.planned),
    ...milestoneList(t.headings.milestonesAchieved, item.milestones.achieved),
  );
  return blocks;
}

/** The annual progress report of `data` as a DOCX document (Japanese). */
export async function annualReportDocument(data: AnnualReportData): Promise<Buffer> {
  const t = annualReportText('ja');
  let tableCount = 0;
  const nextTable = () => ++tableCount;
  const font = { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT };
  const headingRun = (size: number) => ({
    run: { font, size, bold: true, color: '1A1A1C', language: LANGUAGE },
    paragraph: { spacing: { before: 240, after: 120 } },
  });
  const margin = { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin };
  const pageNumber = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], language: LANGUAGE })] });
  const document = new Document({
    title: t.title(data),
    subject: t.reportName,
    creator: data.organisation,
    lastModifiedBy: 'Tsumugi',
    styles: {
      default: {
        document: { run: { font, size: BODY_SIZE, language: LANGUAGE }, paragraph: { spacing: { after: 80, line: 300 } } },
        title: { run: { font, size: 40, bold: true, color: '1A1A1C', language: LANGUAGE } },
        heading1: headingRun(32),
        heading2: headingRun(28),
        heading3: headingRun(24),
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin } },
        footers: { default: new Footer({ children: [pageNumber] }) },
        children: [...titleBlock(data, t), ...summary(data, t, nextTable), ...data.sections.flatMap((item) => section(item, t, nextTable))],
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
