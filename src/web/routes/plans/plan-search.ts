import { parseFiscalYear } from '../reports/report-search';

/** The URLs of the plan pages: which fiscal year, term or node they show (anything else in the URL is ignored). */

export interface YearSearch {
  fiscalYear?: number;
}

export interface IndicatorListSearch extends YearSearch {
  nodeId?: string;
}

export interface IndicatorSearch {
  period?: string;
}

export interface ReportingSearch extends YearSearch {
  half?: '1' | '2' | 'year';
}

export interface ReviewSearch extends YearSearch {
  term?: 'first_half' | 'annual';
}

const isUuid = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value);

export function parseYearSearch(search: Record<string, unknown>): YearSearch {
  return { fiscalYear: parseFiscalYear(search.fiscalYear) };
}

export function parseIndicatorListSearch(search: Record<string, unknown>): IndicatorListSearch {
  return { fiscalYear: parseFiscalYear(search.fiscalYear), nodeId: isUuid(search.nodeId) ? search.nodeId : undefined };
}

export function parseNodeSearch(search: Record<string, unknown>): { nodeId?: string } {
  return { nodeId: isUuid(search.nodeId) ? search.nodeId : undefined };
}

export function parseIndicatorSearch(search: Record<string, unknown>): IndicatorSearch {
  return { period: isUuid(search.period) ? search.period : undefined };
}

export function parseReportingSearch(search: Record<string, unknown>): ReportingSearch {
  const half = search.half === '1' || search.half === 1 ? '1' : search.half === '2' || search.half === 2 ? '2' : search.half === 'year' ? 'year' : undefined;
  return { fiscalYear: parseFiscalYear(search.fiscalYear), half };
}

export function parseReviewSearch(search: Record<string, unknown>): ReviewSearch {
  return { fiscalYear: parseFiscalYear(search.fiscalYear), term: search.term === 'first_half' || search.term === 'annual' ? search.term : undefined };
}
