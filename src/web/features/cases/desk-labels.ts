import type { TFunction } from 'i18next';
import { currentLocale } from '../../i18n';

/** The code groups of the shared desk catalog (src/shared/i18n/<lang>/desk.json). */
export type DeskCodeGroup =
  | 'caseType'
  | 'caseStatus'
  | 'channel'
  | 'severity'
  | 'source'
  | 'participantKind'
  | 'attachmentPurpose'
  | 'followUpStatus'
  | 'salesChange'
  | 'sizeClass'
  | 'newOrContinuing'
  | 'minutesBasis'
  | 'companyIdentity';

/**
 * The label of a desk code (case type, status, channel…) from the shared catalog, loaded as the
 * i18next namespace 'desk'. The key is built at run time so the web catalog extraction leaves it alone.
 */
export function deskLabel(t: TFunction, group: DeskCodeGroup, code: string): string {
  const key = [group, code].join('.');
  return t(key, { ns: 'desk', defaultValue: code });
}

/** A theme's name in the UI language (the English name when there is one and the screen is English). */
export function themeName(theme: { name: string; nameEn?: string | null }): string {
  return currentLocale() === 'en' && theme.nameEn ? theme.nameEn : theme.name;
}

/** 「60分」 / 「60 min」 */
export function formatMinutes(t: TFunction, minutes: number): string {
  return t('cases.minutes', { count: minutes });
}
