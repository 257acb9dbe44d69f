import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { annualReportDocument } from '../../src/server/modules/plans/documents/annual-report-docx';
import { annualReportWorkbook } from '../../src/server/modules/plans/documents/annual-report-xlsx';
import { formatFigure, type AnnualReportData, type AnnualReportIndicator } from '../../src/server/modules/plans/documents/annual-report';

function indicator(overrides: Partial<AnnualReportIndicator> & { id: string; name: string }): AnnualReportIndicator {
  return {
    code: null,
    unit: '件',
    direction: 'higher',
    decimals: 0,
    baseline: { value: null, fiscalYear: null },
    target: null,
    originalTarget: null,
    actual: null,
    achievement: null,
    status: 'no_actual',
    kind: 'manual',
    method: '',
    source: '',
    narrative: '',
    ...overrides,
  };
}

const ids = {
  field1: '11111111-1111-4111-8111-111111111111',
  area11: '22222222-2222-4222-8222-222222222222',
  policy111: '33333333-3333-4333-8333-333333333333',
  field2: '44444444-4444-4444-8444-444444444444',
  seminar: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  rate: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  goal: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  overtime: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
};

const seminar = indicator({
  id: ids.seminar,
  code: '1-1-a',
  name: 'DXセミナー参加者数',
  unit: '人',
  decimals: 0,
  baseline: { value: 820, fiscalYear: 2023 },
  target: 1200,
  originalTarget: 1000,
  actual: 1354,
  achievement: 112.8,
  status: 'achieved',
  narrative: '県内4会場とオンラインで開催した。\n製造業向けの回は定員に達した。',
});
const rate = indicator({
  id: ids.rate,
  name: 'クラウド会計の導入率',
  unit: '%',
  decimals: 1,
  baseline: { value: 23.4, fiscalYear: 2023 },
  target: 1234.5,
  actual: null,
  status: 'no_actual',
  kind: 'computed',
});
const overtime = indicator({
  id: ids.overtime,
  name: '月平均残業時間',
  unit: '時間',
  direction: 'lower',
  decimals: 2,
  target: 12.5,
  actual: 14.25,
  achievement: 87.72,
  status: 'behind',
});

const data: AnnualReportData = {
  organisation: '青森県 商工労働部',
  planTitle: '青森県DX推進計画',
  edition: '令和6年3月策定',
  planPeriodLabel: '2024（令和6）年度〜2028（令和10）年度',
  fiscalYear: 2025,
  fiscalYearLabel: '2025（令和7）年度',
  generatedOn: '2026-05-31',
  progress: 46.25,
  grades: [
    { key: 'on_track', name: '順調' },
    { key: 'behind', name: '遅れ' },
  ],
  planIndicators: [indicator({ id: ids.goal, name: 'DXに取り組む県内中小企業の割合', unit: '%', decimals: 1, target: 40, actual: 41.2, achievement: 103, status: 'achieved' })],
  sections: [
    {
      nodeId: ids.field1,
      code: '1',
      level: '分野',
      depth: 0,
      title: 'デジタル人材の育成',
      division: '産業政策課',
      progress: 52.5,
      reviews: [
        { term: 'first_half', grade: '順調', comment: '計画どおり進んでいる。' },
        { term: 'annual', grade: '概ね順調', comment: '参加者は目標を上回った。\n導入率の把握が遅れている。' },
      ],
      indicators: [],
      milestones: { planned: [], achieved: [] },
    },
    {
      nodeId: ids.area11,
      code: '1-1',
      level: '取組分野',
      depth: 1,
      title: '経営者向けの学びの場',
      division: null,
      progress: 60,
      reviews: [],
      indicators: [seminar, rate],
      milestones: { planned: ['セミナーの年4回開催'], achieved: ['オンライン講座の開設', '相談窓口の設置'] },
    },
    {
      nodeId: ids.policy111,
      code: '1-1-1',
      level: '取組方針',
      depth: 2,
      title: '働き方の見直し',
      division: '労働政策課',
      progress: null,
      reviews: [],
      indicators: [overtime],
      milestones: { planned: [], achieved: [] },
    },
    {
      nodeId: ids.field2,
      code: null,
      level: '基盤',
      depth: 0,
      title: '推進体制の整備',
      division: null,
      progress: 30,
      reviews: [{ term: 'annual', grade: '遅れ', comment: '' }],
      indicators: [],
      milestones: { planned: [], achieved: [] },
    },
  ],
};

const cellText = (value: ExcelJS.CellValue) => (value === null || value === undefined ? '' : String(value));

describe('annualReportWorkbook', () => {
  it('writes the report sheet for people, with the title, print setup and one header row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await annualReportWorkbook(data)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['年次進捗報告', '指標データ', '評価']);

    const sheet = workbook.getWorksheet('年次進捗報告')!;
    const title = cellText(sheet.getCell('A1').value);
    expect(title).toContain(data.planTitle);
    expect(title).toContain(data.fiscalYearLabel);
    expect(title).toContain('年次進捗報告');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.fitToWidth).toBe(1);

    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cellText(cell.value))));
    expect(texts.some((text) => text.includes(data.planPeriodLabel))).toBe(true);
    // The header row names every column and is the row repeated when printing.
    const headerRowNumber = sheet.getColumn(1).values.findIndex((value) => value === '指標');
    expect(sheet.getRow(headerRowNumber).values).toEqual([undefined, '指標', '単位', '基準値（年度）', '目標', '実績', '達成率', '状況', '実績の説明']);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${headerRowNumber}:${headerRowNumber}`);
    for (const section of data.sections) expect(texts.some((text) => text.includes(section.title))).toBe(true);
    // Statuses are words, not colours; a missing value is 「—」, not 0.
    const rateRow = sheet.getColumn(1).values.findIndex((value) => value === rate.name);
    expect(sheet.getRow(rateRow).getCell(5).value).toBe('—');
    expect(sheet.getRow(rateRow).getCell(7).value).toBe('実績なし');
    const seminarRow = sheet.getColumn(1).values.findIndex((value) => value === `${seminar.code} ${seminar.name}`);
    expect(sheet.getRow(seminarRow).getCell(5).value).toBe(seminar.actual);
    expect(sheet.getRow(seminarRow).getCell(6).value).toBeCloseTo(seminar.achievement! / 100, 10);
    expect(sheet.getRow(seminarRow).getCell(6).numFmt).toBe('0.0%');
    const overtimeRow = sheet.getColumn(1).values.findIndex((value) => value === overtime.name);
    expect(sheet.getRow(overtimeRow).getCell(4).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(overtimeRow).getCell(7).value).toBe('遅れ');
  });

  it('writes machine-readable indicator and review sheets: no merged cells, stable IDs, numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await annualReportWorkbook(data)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('指標データ')!;
    expect(sheet.model.merges).toEqual([]);
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const column = (name: string) => header.indexOf(name) + 1;
    // One row per indicator per item: the plan's own first.
    const indicatorCount = data.planIndicators.length + data.sections.reduce((sum, section) => sum + section.indicators.length, 0);
    expect(sheet.rowCount).toBe(1 + indicatorCount);

    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, index) => sheet.getRow(index + 2));
    const seminarRow = rows.find((row) => row.getCell(column('指標ID')).value === ids.seminar)!;
    expect(seminarRow.getCell(column('項目ID')).value).toBe(ids.area11);
    expect(seminarRow.getCell(column('年度')).value).toBe(2025);
    expect(seminarRow.getCell(column('目標')).value).toBe(seminar.target);
    expect(seminarRow.getCell(column('当初目標')).value).toBe(seminar.originalTarget);
    expect(seminarRow.getCell(column('実績')).value).toBe(seminar.actual);
    expect(seminarRow.getCell(column('達成率（％）')).value).toBe(seminar.achievement);
    expect(seminarRow.getCell(column('基準値')).value).toBe(seminar.baseline.value);
    expect(seminarRow.getCell(column('基準年度')).value).toBe(seminar.baseline.fiscalYear);
    expect(seminarRow.getCell(column('状況コード')).value).toBe('achieved');
    // Blank, not 0, for a missing actual.
    const rateRow = rows.find((row) => row.getCell(column('指標ID')).value === ids.rate)!;
    expect(rateRow.getCell(column('実績')).value).toBeNull();
    const goalRow = rows.find((row) => row.getCell(column('指標ID')).value === ids.goal)!;
    expect(goalRow.getCell(column('項目ID')).value).toBeNull();

    const reviews = workbook.getWorksheet('評価')!;
    expect(reviews.model.merges).toEqual([]);
    const reviewCount = data.sections.reduce((sum, section) => sum + section.reviews.length, 0);
    expect(reviews.rowCount).toBe(1 + reviewCount);
    const reviewValues = Array.from({ length: reviewCount }, (_, index) => (reviews.getRow(index + 2).values as unknown[]).slice(1));
    expect(reviewValues).toContainEqual(expect.arrayContaining([ids.field1, 'first_half', '上期', '順調', '計画どおり進んでいる。']));
  });
});

describe('annualReportDocument', () => {
  async function documentParts() {
    const zip = await JSZip.loadAsync(await annualReportDocument(data));
    return {
      document: await zip.file('word/document.xml')!.async('string'),
      styles: await zip.file('word/styles.xml')!.async('string'),
      fonts: await zip.file('word/fontTable.xml')!.async('string'),
    };
  }

  it('has the title block, one heading per item at its depth, and the reviews', async () => {
    const { document } = await documentParts();
    for (const text of [data.organisation, data.planTitle, data.edition, data.fiscalYearLabel]) expect(document).toContain(text);
    const headingBefore = (title: string) => {
      const at = document.indexOf(title);
      expect(at).toBeGreaterThan(-1);
      return document.slice(document.lastIndexOf('<w:p>', at), at).match(/w:pStyle w:val="(\w+)"/)?.[1];
    };
    // The heading is the level, the code and the title (the level and the title without a code).
    expect(headingBefore('分野 1　デジタル人材の育成')).toBe('Heading1');
    expect(headingBefore('取組分野 1-1　経営者向けの学びの場')).toBe('Heading2');
    expect(headingBefore('取組方針 1-1-1　働き方の見直し')).toBe('Heading3');
    expect(headingBefore('基盤　推進体制の整備')).toBe('Heading1');
    expect(document).toContain('上期評価：順調');
    expect(document).toContain('年度評価：概ね順調');
    expect(document).toContain('導入率の把握が遅れている。');
    expect(document).toContain('県内4会場とオンラインで開催した。');
    expect(document).toContain('オンライン講座の開設');
    expect(document).toContain('w:numPr');
  });

  it('marks table header rows, announces each table with a caption, and formats numbers with the decimals', async () => {
    const { document } = await documentParts();
    const tables = document.match(/<w:tbl>/g)?.length ?? 0;
    // Summary, plan indicators, and the two items with indicators.
    expect(tables).toBe(4);
    expect(document.match(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/g)?.length).toBe(tables);
    expect(document.match(/w:pStyle w:val="Caption"/g)?.length).toBe(tables);
    expect(document).toContain('表3　経営者向けの学びの場の指標');
    expect(document).toContain(formatFigure(rate.target, 1));
    expect(formatFigure(rate.target, 1)).toBe('1,234.5');
    expect(document).toContain(formatFigure(overtime.actual, 2));
    expect(document).toContain('112.8%');
    expect(document).toContain('—');
  });

  it('is in Japanese: ja-JP on the runs and in the defaults, with a Japanese font and its fallbacks', async () => {
    const { document, styles, fonts } = await documentParts();
    expect(document).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
    expect(styles).toContain('w:eastAsia="Noto Sans JP"');
    expect(fonts).toContain('w:name="Noto Sans JP"');
    expect(fonts).toContain('<w:altName w:val="Yu Gothic"/>');
  });
});
