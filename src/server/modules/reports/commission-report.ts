import { caseTypes, activityChannels } from '../../../shared/domain/desk';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { findJsicMajor, municipalityFullName } from '../../../shared/reference';
import { sizeClasses } from '../../../shared/schemas/company';
import { reportDimensions, type CommissionReport, type CrossTab, type ReportCell, type ReportDimensionKey } from '../../../shared/schemas/report';
import type { Actor } from '../../platform/auth/actor';
import { translator, type Locale } from '../../platform/i18n';
import { presentProgramme } from '../programmes/programmes.presenter';
import type { ProgrammeRow } from '../programmes/programmes.repository';
import { monthsBegun, reportCalendar, type ReportMonth, type ReportQuarter } from './report-periods';
import { reportText } from './report-text';
import type { FigureRow } from './reports.repository';
import { crossTabGroups, suppressCells } from './suppression';

export interface ThemeName {
  id: string;
  name: string;
  nameEn: string | null;
  archivedAt: Date | null;
}

export interface CommissionReportInput {
  programme: ProgrammeRow;
  actor: Actor;
  locale: Locale;
  figures: FigureRow[];
  themes: ThemeName[];
  today: string;
  publication: boolean;
}

interface Counts {
  supports: number;
  companies: number;
  minutes: number;
  extraMinutes: number;
}

const zero: Counts = { supports: 0, companies: 0, minutes: 0, extraMinutes: 0 };
const round1 = (value: number) => Math.round(value * 10) / 10;

/** Figures by dimension, code and period, as the SQL returned them (absent = zero). */
class FigureIndex {
  private readonly byKey = new Map<string, FigureRow>();
  readonly codes = new Map<string, Set<string>>();

  constructor(rows: FigureRow[]) {
    for (const row of rows) {
      this.byKey.set(FigureIndex.key(row.dimension, row.code, row.periodKind, row.periodKey), row);
      if (!this.codes.has(row.dimension)) this.codes.set(row.dimension, new Set());
      this.codes.get(row.dimension)!.add(row.code);
    }
  }

  static key(dimension: string, code: string, kind: string, periodKey: number | null) {
    return `${dimension}|${code}|${kind}|${periodKey ?? ''}`;
  }

  get(dimension: string, code: string, kind: FigureRow['periodKind'], periodKey: number | null): Counts {
    return this.byKey.get(FigureIndex.key(dimension, code, kind, periodKey)) ?? zero;
  }
}

/** The rows of a dimension in reading order: fixed code lists in full, other codes as they occur, 'unknown' last. */
function codesOf(dimension: ReportDimensionKey, programme: ProgrammeRow, present: Set<string>, themes: ThemeName[]): string[] {
  const withPresent = (fixed: readonly string[]) => [...fixed, ...[...present].filter((code) => !fixed.includes(code)).sort()];
  const unknownLast = (codes: string[]) => [...codes.filter((code) => code !== 'unknown'), ...codes.filter((code) => code === 'unknown')];
  switch (dimension) {
    case 'channel':
      return withPresent(activityChannels.filter((code) => programme.countedChannels.includes(code)));
    case 'caseType':
      return withPresent(caseTypes.filter((code) => programme.countedCaseTypes.includes(code)));
    case 'newOrContinuing':
      return withPresent(['new', 'continuing']);
    case 'sizeClass':
      return withPresent(sizeClasses);
    case 'theme':
      return unknownLast(withPresent(themes.filter((theme) => theme.archivedAt === null).map((theme) => theme.id)));
    default:
      return unknownLast([...present].sort());
  }
}

function labelOf(dimension: ReportDimensionKey, code: string, locale: Locale, themes: ThemeName[]): string {
  const words = reportText(locale);
  const t = translator(locale, 'desk');
  if (dimension === 'theme') {
    if (code === 'unknown') return words.noTheme;
    const theme = themes.find((candidate) => candidate.id === code);
    return (locale === 'en' ? theme?.nameEn : null) ?? theme?.name ?? code;
  }
  if (code === 'unknown' && dimension !== 'sizeClass') return words.unknown;
  switch (dimension) {
    case 'channel':
      return t(`channel.${code}`);
    case 'caseType':
      return t(`caseType.${code}`);
    case 'newOrContinuing':
      return t(`newOrContinuing.${code}`);
    case 'sizeClass':
      return t(`sizeClass.${code}`);
    case 'jsicMajor':
      return `${code} ${findJsicMajor(code)?.name ?? ''}`.trim();
    case 'municipality':
      return municipalityFullName(code) ?? code;
  }
}

function cellOf(counts: Counts, hidden: boolean): ReportCell {
  return hidden ? { supports: '*', companies: '*', minutes: '*' } : { supports: counts.supports, companies: counts.companies, minutes: counts.minutes };
}

/** The cells of one row of a cross-tab, in column order: months, quarters, the period. */
function rowCounts(figures: FigureIndex, dimension: string, code: string, months: ReportMonth[], quarters: ReportQuarter[]): Counts[] {
  return [
    ...months.map((month) => figures.get(dimension, code, 'month', month.number)),
    ...quarters.map((quarter) => figures.get(dimension, code, 'quarter', quarter.number)),
    figures.get(dimension, code, 'total', null),
  ];
}

/**
 * Builds the commission report from the figures of the counting SQL: totals, progress against the targets,
 * the monthly table and one cross-tab per dimension, suppressed for publication when asked.
 */
export function buildCommissionReport(input: CommissionReportInput): CommissionReport {
  const { programme, locale, today, publication, themes } = input;
  const words = reportText(locale);
  const figures = new FigureIndex(input.figures);
  const { months, quarters } = reportCalendar(programme.startsOn, programme.endsOn);
  const withYear = months.length > 12;
  const fiscalYear = fiscalYearOf(programme.startsOn);

  const columnCount = months.length + quarters.length + 1;
  const layout = {
    monthColumns: months.map((_, index) => index),
    quarters: quarters.map((quarter, index) => ({
      column: months.length + index,
      monthColumns: quarter.months.map((month) => months.indexOf(month)),
    })),
    totalColumn: columnCount - 1,
  };
  const toCells = (counts: Counts[], hidden: boolean[] = []) => {
    const cells = counts.map((count, index) => cellOf(count, hidden[index] ?? false));
    return { months: cells.slice(0, months.length), quarters: cells.slice(months.length, months.length + quarters.length), total: cells.at(-1)! };
  };

  const totalCounts = rowCounts(figures, 'total', 'all', months, quarters);
  const crossTabs: CrossTab[] = reportDimensions.map((dimension) => {
    const codes = codesOf(dimension, programme, figures.codes.get(dimension) ?? new Set(), themes);
    const counts = codes.map((code) => rowCounts(figures, dimension, code, months, quarters));
    const multiAnswer = dimension === 'theme';
    const hidden = publication
      ? suppressCells({
          supports: counts.map((row) => row.map((cell) => cell.supports)),
          companies: counts.map((row) => row.map((cell) => cell.companies)),
          threshold: programme.suppressionThreshold,
          groups: crossTabGroups(codes.length, layout, multiAnswer),
        })
      : [];
    return {
      dimension,
      title: words.dimensions[dimension],
      multiAnswer,
      rows: codes.map((code, index) => ({ code, label: labelOf(dimension, code, locale, themes), ...toCells(counts[index]!, hidden[index]) })),
      total: toCells(totalCounts),
    };
  });

  const total = figures.get('total', 'all', 'total', null);
  const newCounts = figures.get('newOrContinuing', 'new', 'total', null);
  const continuingCounts = figures.get('newOrContinuing', 'continuing', 'total', null);
  const elapsed = monthsBegun(months, today);
  const progressOf = (target: number | null, actual: number) => ({
    target,
    actual,
    achievedPercent: target ? round1((actual / target) * 100) : null,
    expectedToDate: target === null ? null : round1((target * elapsed) / months.length),
  });

  const notes: string[] = [words.notes.attributes, words.notes.identity[programme.companyIdentity as 'corporate_number' | 'company'], words.notes.distinct, words.notes.newOrContinuing, words.notes.multiAnswer];
  if (programme.archivedAt) notes.push(words.notes.archived);
  if (publication) notes.push(words.notes.suppression(programme.suppressionThreshold));

  return {
    programme: presentProgramme(programme, input.actor),
    fiscalYear,
    fiscalYearLabel: fiscalYearLabel(fiscalYear, locale),
    period: { from: programme.startsOn, to: programme.endsOn },
    asOf: today,
    publication,
    totals: {
      supports: total.supports,
      companies: total.companies,
      newCompanies: newCounts.companies,
      continuingCompanies: continuingCounts.companies,
      newSupports: newCounts.supports,
      continuingSupports: continuingCounts.supports,
      minutes: total.minutes,
      hours: round1(total.minutes / 60),
      preparationMinutes: total.extraMinutes,
      preparationHours: round1(total.extraMinutes / 60),
    },
    progress: {
      supports: progressOf(programme.supportTarget, total.supports),
      companies: progressOf(programme.companyTarget, total.companies),
      monthsElapsed: elapsed,
      months: months.length,
    },
    months: months.map((month) => ({ key: month.key, label: words.month(month.year, month.month, withYear) })),
    quarters: quarters.map((quarter) => ({
      key: quarter.key,
      label: words.quarter(quarter.fiscalYear, quarter.quarter, withYear),
      months: quarter.months.map((month) => month.key),
    })),
    byMonth: months.map((month) => {
      const counts = figures.get('total', 'all', 'month', month.number);
      return {
        key: month.key,
        label: words.month(month.year, month.month, withYear),
        supports: counts.supports,
        companies: counts.companies,
        minutes: counts.minutes,
        preparationMinutes: counts.extraMinutes,
      };
    }),
    crossTabs,
    notes,
  };
}
