import { formatIsoDate, todayInJapan, toTokyoDate } from '../../../shared/domain/tokyo-date';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { toSearchText } from '../../../shared/domain/japanese-text';

/** Today in Japan as 'YYYY-MM-DD': the desk's "today" wherever the server runs. */
export function japanToday(now: Date = new Date()): string {
  return formatIsoDate(todayInJapan(now));
}

/** An activity's calendar date and fiscal year, fixed when it is written (reports group by them). */
export function activityDate(occurredAt: string | Date): { occurredOn: string; fiscalYear: number } {
  return { occurredOn: formatIsoDate(toTokyoDate(occurredAt)), fiscalYear: fiscalYearOf(occurredAt) };
}

/** A past activity may be recorded up to a few minutes "in the future" (clocks differ); beyond that it is a typo. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export function isInFuture(instant: Date, now: Date = new Date()): boolean {
  return instant.getTime() > now.getTime() + FUTURE_TOLERANCE_MS;
}

/** What Japanese search matches for a case: its number, title, text, company, 「負」 and activity notes. */
export function caseSearchText(parts: {
  receiptNumber: string;
  title: string;
  description: string | null;
  companyName: string;
  painPoints: { process: string; sufferer: string | null; description: string | null }[];
  activityNotes: string[];
  outcomeSummary: string | null;
}): string {
  return toSearchText(
    parts.receiptNumber,
    parts.title,
    parts.description,
    parts.companyName,
    ...parts.painPoints.flatMap((pain) => [pain.process, pain.sufferer, pain.description]),
    ...parts.activityNotes,
    parts.outcomeSummary,
  );
}
