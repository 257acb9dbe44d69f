import { caseSorts, caseViews } from '../../../shared/schemas/case';
import { caseStatuses, caseTypes } from '../../../shared/domain/desk';
import type { CaseListParams } from '../../features/cases/cases.api';

/** The list's view and filters as they appear in the URL (shareable, kept by Back/Forward, saved as views). */
export interface CaseSearch {
  view?: (typeof caseViews)[number];
  q?: string;
  status?: string;
  caseType?: (typeof caseTypes)[number];
  themeId?: string;
  coordinatorId?: string;
  sort?: (typeof caseSorts)[number];
}

const keys = ['view', 'q', 'status', 'caseType', 'themeId', 'coordinatorId', 'sort'] as const;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Keeps the known parameters with values the server accepts (a saved or shared link may be stale). */
export function parseCaseSearch(search: Record<string, unknown>): CaseSearch {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined);
  const status = text(search.status)
    ?.split(',')
    .filter((value) => (caseStatuses as readonly string[]).includes(value))
    .join(',');
  const out: CaseSearch = {
    view: oneOf(caseViews, search.view),
    q: text(search.q),
    status: status || undefined,
    caseType: oneOf(caseTypes, search.caseType),
    themeId: text(search.themeId),
    coordinatorId: text(search.coordinatorId),
    sort: oneOf(caseSorts, search.sort),
  };
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined)) as CaseSearch;
}

/** The URL query of a search (what a saved view stores): `view=mine&status=received,in_progress`. */
export function caseSearchToQuery(search: CaseSearch): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function caseSearchFromQuery(query: string): CaseSearch {
  return parseCaseSearch(Object.fromEntries(new URLSearchParams(query)));
}

/** The API's query parameters for a search. */
export function toListParams(search: CaseSearch, limit: number): CaseListParams {
  return { ...search, limit } as CaseListParams;
}
