import type { IndicatorDirection, IndicatorKind, ReviewTerm } from '../../../../shared/domain/plans';
import { formatDateJa, formatDateEn } from '../../../../shared/domain/wareki';
import type { Locale } from '../../../platform/i18n';
import en from '../../../../shared/i18n/en/plans.json' with { type: 'json' };
import ja from '../../../../shared/i18n/ja/plans.json' with { type: 'json' };

/**
 * The annual progress report (年次進捗報告) of a plan for one fiscal year, as plain data the plans service
 * fills (figures already computed and approved) and the XLSX and DOCX writers render. The writers never
 * compute a figure: they only format what they are given, so both documents always agree.
 */

export type IndicatorStatus = 'achieved' | 'on_track' | 'behind' | 'no_actual';
export const indicatorStatuses: readonly IndicatorStatus[] = ['achieved', 'on_track', 'behind', 'no_actual'];

export interface AnnualReportIndicator {
  id: string;
  code: string | null;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  /** Digits after the decimal point for baseline, target and actual. */
  decimals: number;
  baseline: { value: number | null; fiscalYear: number | null };
  target: number | null;
  originalTarget: number | null;
  actual: number | null;
  /** 達成率 in % (100 = the target is met). */
  achievement: number | null;
  status: IndicatorStatus;
  kind: IndicatorKind;
  method: string;
  source: string;
  /** The narrative of the approved update for the year. */
  narrative: string;
}

export interface AnnualReportReview {
  term: ReviewTerm;
  /** The grade's name on the plan's scale (順調, 概ね順調…). */
  grade: string;
  comment: string;
}

export interface AnnualReportSection {
  nodeId: string;
  code: string | null;
  /** The level name: 分野, 取組分野… */
  level: string;
  /** 0 = a top node. */
  depth: number;
  title: string;
  division: string | null;
  progress: number | null;
  reviews: AnnualReportReview[];
  indicators: AnnualReportIndicator[];
  milestones: { planned: string[]; achieved: string[] };
}

export interface AnnualReportData {
  organisation: string;
  planTitle: string;
  edition: string;
  /** 2024（令和6）年度〜2028（令和10）年度 */
  planPeriodLabel: string;
  fiscalYear: number;
  /** 2025（令和7）年度 */
  fiscalYearLabel: string;
  /** ISO date (YYYY-MM-DD) */
  generatedOn: string;
  progress: number | null;
  /** The plan's review scale, best first. */
  grades: { key: string; name: string }[];
  /** Plan-level indicators (基本目標). */
  planIndicators: AnnualReportIndicator[];
  /** Depth-first, top first. */
  sections: AnnualReportSection[];
}

type Catalog = typeof ja.annualReport;
const catalogs: Record<Locale, Catalog> = { ja: ja.annualReport, en: en.annualReport };

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));

const percentFormat = new Intl.NumberFormat('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const numberFormats = new Map<number, Intl.NumberFormat>();

/** A figure with `decimals` digits after the point and thousands separators (1,234.5); null is 「—」. */
export function formatFigure(value: number | null, decimals: number, empty = '—'): string {
  if (value === null) return empty;
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('ja-JP', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

/** Excel's number format for `decimals`: 0 → '#,##0', 2 → '#,##0.00'. */
export function excelNumberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/**
 * The words of the annual report (headings, column names, status and review-term names), from the shared
 * catalog src/shared/i18n/<locale>/plans.json (`annualReport`). The documents are Japanese, as the plan's
 * official report is; `en` exists for a translated copy.
 */
export function annualReportText(locale: Locale = 'ja') {
  const c = catalogs[locale];
  const percent = (value: number | null) => (value === null ? c.empty : fill(c.percent, { value: percentFormat.format(value) }));
  const term = (key: ReviewTerm) => c.term[key];
  return {
    ...c,
    fill,
    percent,
    figure: (value: number | null, decimals: number) => formatFigure(value, decimals, c.empty),
    date: (isoDate: string) => (locale === 'ja' ? formatDateJa(isoDate) : formatDateEn(isoDate)),
    title: (data: AnnualReportData) => fill(c.title, { planTitle: data.planTitle, fiscalYearLabel: data.fiscalYearLabel }),
    baseline: (indicator: AnnualReportIndicator) => {
      const value = formatFigure(indicator.baseline.value, indicator.decimals, c.empty);
      return indicator.baseline.value !== null && indicator.baseline.fiscalYear !== null
        ? fill(c.baselineWithYear, { value, year: indicator.baseline.fiscalYear })
        : value;
    },
    sectionHeading: (section: AnnualReportSection) =>
      section.code
        ? fill(c.sectionHeading, { level: section.level, code: section.code, title: section.title })
        : fill(c.sectionHeadingWithoutCode, { level: section.level, title: section.title }),
    review: (review: AnnualReportReview) => fill(c.review, { term: term(review.term), grade: review.grade }),
    reviewComment: (review: AnnualReportReview) => fill(c.reviewComment, { term: term(review.term) }),
    division: (division: string) => fill(c.division, { division }),
    progress: (progress: number | null) => fill(c.progress, { progress: percent(progress) }),
    planProgress: (progress: number | null) => fill(c.planProgress, { progress: percent(progress) }),
    indicatorCounts: (indicators: AnnualReportIndicator[]) => {
      const count = (status: IndicatorStatus) => indicators.filter((indicator) => indicator.status === status).length;
      const counts = Object.fromEntries(indicatorStatuses.map((status) => [status, count(status)]));
      return fill(c.indicatorCounts, { total: indicators.length, ...counts });
    },
  };
}

export type AnnualReportText = ReturnType<typeof annualReportText>;

/** Every indicator of the report, plan-level first, each with the section it belongs to (null = the plan). */
export function reportIndicators(data: AnnualReportData): { section: AnnualReportSection | null; indicator: AnnualReportIndicator }[] {
  return [
    ...data.planIndicators.map((indicator) => ({ section: null, indicator })),
    ...data.sections.flatMap((section) => section.indicators.map((indicator) => ({ section, indicator }))),
  ];
}

/** The review of a term, if the section has one. */
export function reviewOf(section: AnnualReportSection, term: ReviewTerm): AnnualReportReview | undefined {
  return section.reviews.find((review) => review.term === term);
}
