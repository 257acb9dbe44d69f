/** The URL of the commission report: which programme (or the default of a 年度) and whether for publication. */
export interface CommissionSearch {
  fiscalYear?: number;
  programmeId?: string;
  publication?: true;
}

/** A 年度 from the URL (2000–2100), or nothing. */
export function parseFiscalYear(value: unknown): number | undefined {
  const year = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}
