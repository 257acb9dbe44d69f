import { fiscalYearOf } from '../../../shared/domain/fiscal-year';

/** A month of a report period: key 202504 as the SQL groups it, 2025-04 as the API shows it. */
export interface ReportMonth {
  number: number;
  key: string;
  year: number;
  month: number;
  quarter: string;
}

export interface ReportQuarter {
  /** FY*10+quarter as the SQL groups it (20251 = 2025年度 第1四半期). */
  number: number;
  key: string;
  fiscalYear: number;
  quarter: number;
  months: ReportMonth[];
}

/** 四半期 of a month of the fiscal year: April–June 1, July–September 2, October–December 3, January–March 4. */
export function fiscalQuarterOfMonth(month: number): number {
  return Math.floor(((month + 8) % 12) / 3) + 1;
}

/** The calendar months a period touches, in order, and the fiscal quarters they make up. */
export function reportCalendar(from: string, to: string): { months: ReportMonth[]; quarters: ReportQuarter[] } {
  const months: ReportMonth[] = [];
  const quarters: ReportQuarter[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const lastYear = Number(to.slice(0, 4));
  const lastMonth = Number(to.slice(5, 7));
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const fiscalYear = fiscalYearOf(`${year}-${String(month).padStart(2, '0')}-01`);
    const quarter = fiscalQuarterOfMonth(month);
    const entry: ReportMonth = {
      number: year * 100 + month,
      key: `${year}-${String(month).padStart(2, '0')}`,
      year,
      month,
      quarter: `${fiscalYear}-Q${quarter}`,
    };
    months.push(entry);
    const last = quarters.at(-1);
    if (last?.key === entry.quarter) last.months.push(entry);
    else quarters.push({ number: fiscalYear * 10 + quarter, key: entry.quarter, fiscalYear, quarter, months: [entry] });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return { months, quarters };
}

/** Months of a period begun by `today` (the current month counts), between 0 and all of them. */
export function monthsBegun(months: readonly ReportMonth[], today: string): number {
  const current = Number(today.slice(0, 4)) * 100 + Number(today.slice(5, 7));
  return months.filter((month) => month.number <= current).length;
}
