import type { CompanyListParams } from '../../features/companies/companies.api';

/** The list's filters as they appear in the URL (shareable, and kept by Back/Forward). */
export type CompanySearch = Partial<Pick<CompanyListParams, 'q' | 'jsicMajor' | 'jsicMiddle' | 'prefectureCode' | 'municipalityCode' | 'sizeClass' | 'entityType' | 'tag' | 'status' | 'sort'>>;

const keys = ['q', 'jsicMajor', 'jsicMiddle', 'prefectureCode', 'municipalityCode', 'sizeClass', 'entityType', 'tag', 'status', 'sort'] as const;

/**
 * Keeps the known, non-empty string parameters. Their values are checked by the server (the same
 * zod schema), which answers a bad one with a coded error the page shows.
 */
export function parseCompanySearch(search: Record<string, unknown>): CompanySearch {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = search[key];
    if (typeof value === 'string' && value.trim() !== '') out[key] = value;
    // The router parses numbers in the query string (e.g. prefectureCode=02 stays text, 13 becomes 13).
    else if (typeof value === 'number') out[key] = String(value);
  }
  return out as CompanySearch;
}
