/**
 * The consultation desk's vocabulary: case types, the status lifecycle with its allowed transitions,
 * channels and the other code lists. Shared by the server (which enforces) and the web (which offers
 * only what is allowed). Labels live in the i18n catalogs under the same codes.
 */
import { warekiFiscalYear } from './fiscal-year';

/** 事業者相談 / 自治体相談 (incl. 調達支援: specification and estimate review) / 学校・教育. */
export const caseTypes = ['business', 'municipality', 'procurement', 'school'] as const;
export type CaseType = (typeof caseTypes)[number];

/** 受付 → 対応中 → (伴走支援へ移行 | マッチング中) → 完了, and 休止 / 取下げ. */
export const caseStatuses = ['received', 'in_progress', 'accompaniment', 'matching', 'completed', 'paused', 'withdrawn'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses in which the desk is still working the case (the board's columns, left to right). */
export const openCaseStatuses: readonly CaseStatus[] = ['received', 'in_progress', 'accompaniment', 'matching', 'paused'];
export const closedCaseStatuses: readonly CaseStatus[] = ['completed', 'withdrawn'];

/**
 * Allowed moves. A closed case can be reopened (back to 対応中); a paused one resumes where work goes on.
 * Anything else (受付 straight to 完了, 取下げ to 伴走…) is refused with the list of what is allowed.
 */
export const caseTransitions: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ['in_progress', 'paused', 'withdrawn'],
  in_progress: ['accompaniment', 'matching', 'completed', 'paused', 'withdrawn'],
  accompaniment: ['in_progress', 'completed', 'paused', 'withdrawn'],
  matching: ['in_progress', 'accompaniment', 'completed', 'paused', 'withdrawn'],
  paused: ['in_progress', 'completed', 'withdrawn'],
  completed: ['in_progress'],
  withdrawn: ['in_progress'],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return caseTransitions[from].includes(to);
}

/** Channels of an activity (相談方法): 来所 / 訪問 / オンライン / 電話 / メール / 出張相談会. */
export const activityChannels = ['visit_desk', 'on_site', 'online', 'phone', 'email', 'pop_up'] as const;
export type ActivityChannel = (typeof activityChannels)[number];

/** What a requester may ask for on the public form: 来所 / 訪問 / オンライン / 電話. */
export const preferredChannels = ['visit_desk', 'on_site', 'online', 'phone'] as const;
export type PreferredChannel = (typeof preferredChannels)[number];

/** How badly a 「負」 hurts: 小 / 中 / 大. */
export const painSeverities = ['low', 'medium', 'high'] as const;
export type PainSeverity = (typeof painSeverities)[number];

export const caseSources = ['public', 'staff', 'import'] as const;
export type CaseSource = (typeof caseSources)[number];

/** Roles of people on a case other than the coordinator. Partners see a case only with the requester's consent. */
export const participantKinds = ['expert', 'partner'] as const;
export type ParticipantKind = (typeof participantKinds)[number];

export const attachmentPurposes = ['specification', 'estimate', 'minutes', 'other'] as const;
export type AttachmentPurpose = (typeof attachmentPurposes)[number];

export const followUpStatuses = ['scheduled', 'done', 'skipped', 'cancelled'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** 売上 増加 / 横ばい / 減少 / 不明. */
export const salesChanges = ['increase', 'flat', 'decrease', 'unknown'] as const;
export type SalesChange = (typeof salesChanges)[number];

export const DEFAULT_FOLLOW_UP_MONTHS = [3, 6, 12] as const;

/** 受付番号: R7-0001 for the first case received in 令和7年度 (the era letter, the era year, a 4-digit serial). */
export function formatReceiptNumber(fiscalYear: number, serial: number): string {
  const wareki = warekiFiscalYear(fiscalYear);
  const letter = wareki.eraEn.charAt(0).toUpperCase();
  return `${letter}${wareki.year}-${String(serial).padStart(4, '0')}`;
}

/** 'YYYY-MM-DD' plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDate(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
