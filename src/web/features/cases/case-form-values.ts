import type { ActivityChannel, PainSeverity, ParticipantKind } from '../../../shared/domain/desk';
import { japanDateAndTime, japanInstant, japanTimeNow, japanToday } from '../../lib/dates';
import type { Activity, CaseDetail } from './cases.api';

/** What the inputs of an activity hold (text as typed); `toActivityInput` makes the API input. */
export interface ActivityFormValues {
  date: string;
  time: string;
  channel: ActivityChannel | '';
  minutes: string;
  preparationMinutes: string;
  travelMinutes: string;
  staffIds: string[];
  expertIds: string[];
  notes: string;
  reportable: boolean;
}

export interface PainPointFormValues {
  id: string;
  process: string;
  sufferer: string;
  hoursLostPerMonth: string;
  severity: PainSeverity | '';
  description: string;
}

export interface ParticipantFormValues {
  userId: string;
  kind: ParticipantKind;
  roleLabel: string;
}

export function emptyActivity(staffId?: string): ActivityFormValues {
  return {
    date: japanToday(),
    time: japanTimeNow(),
    channel: '',
    minutes: '60',
    preparationMinutes: '0',
    travelMinutes: '0',
    staffIds: staffId ? [staffId] : [],
    expertIds: [],
    notes: '',
    reportable: true,
  };
}

export const emptyPainPoint: PainPointFormValues = { id: '', process: '', sufferer: '', hoursLostPerMonth: '', severity: '', description: '' };

export function activityToForm(activity: Activity): ActivityFormValues {
  const { date, time } = japanDateAndTime(activity.occurredAt);
  return {
    date,
    time,
    channel: activity.channel,
    minutes: String(activity.minutes),
    preparationMinutes: String(activity.preparationMinutes),
    travelMinutes: String(activity.travelMinutes),
    staffIds: activity.staff.map((person) => person.id),
    expertIds: activity.experts.map((person) => person.id),
    notes: activity.notes ?? '',
    reportable: activity.reportable,
  };
}

/** 「1,200」「１２００」 → 1200; blank → the fallback; anything else is passed on for the schema to reject. */
export function toNumber(text: string, fallback: number | null | undefined = undefined): number | string | null | undefined {
  const normalized = text.normalize('NFKC').replace(/[,\s_]/g, '');
  if (normalized === '') return fallback;
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : normalized;
}

export function toActivityInput(values: ActivityFormValues) {
  return {
    occurredAt: values.date && values.time ? japanInstant(values.date, values.time) : undefined,
    channel: values.channel || undefined,
    minutes: toNumber(values.minutes),
    preparationMinutes: toNumber(values.preparationMinutes, 0),
    travelMinutes: toNumber(values.travelMinutes, 0),
    staffIds: values.staffIds,
    expertIds: values.expertIds,
    notes: values.notes,
    reportable: values.reportable,
  };
}

export function toPainPointInput(values: PainPointFormValues) {
  return {
    ...(values.id ? { id: values.id } : {}),
    process: values.process,
    sufferer: values.sufferer,
    hoursLostPerMonth: toNumber(values.hoursLostPerMonth, null),
    severity: values.severity || undefined,
    description: values.description,
  };
}

export function painPointsToForm(detail: CaseDetail): PainPointFormValues[] {
  return detail.painPoints.map((point) => ({
    id: point.id,
    process: point.process,
    sufferer: point.sufferer ?? '',
    hoursLostPerMonth: point.hoursLostPerMonth === null ? '' : String(point.hoursLostPerMonth),
    severity: point.severity,
    description: point.description ?? '',
  }));
}

/** Where an API problem of an activity is shown: the instant on the date input, list items on their list. */
export function activityFieldOf(path: string, prefix = 'activity'): string {
  const [field] = path.split('.');
  if (field === 'occurredAt') return `${prefix}.date`;
  if (field === 'staffIds' || field === 'expertIds') return `${prefix}.${field}`;
  return `${prefix}.${path}`;
}
