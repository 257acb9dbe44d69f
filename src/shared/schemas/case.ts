import { z } from 'zod';
import {
  activityChannels,
  attachmentPurposes,
  caseSources,
  caseStatuses,
  caseTypes,
  followUpStatuses,
  painSeverities,
  participantKinds,
  preferredChannels,
  salesChanges,
} from '../domain/desk';
import { companyContactInput, companyCreateInput, companySummary } from './company';
import { isoDateTime, optionalLongText, optionalText, paginationLimit, text, uuid, version } from './common';

/** A calendar date (YYYY-MM-DD) as the desk means it: a day in Japan. */
export const isoDate = z.iso.date('invalid_date');

const minutes = (max: number) => z.int('not_integer').min(0, 'too_small').max(max, 'too_big');

// ---------------------------------------------------------------- 「負」 inventory

export const painPointInput = z
  .strictObject({
    id: uuid.optional().describe('Keep the id of an existing entry to update it'),
    process: text(100).describe('業務 (受発注, 請求, 在庫管理…)'),
    sufferer: optionalText(100).describe('困っている人 (経理担当, 現場…)'),
    hoursLostPerMonth: z.number().min(0, 'too_small').max(10_000, 'too_big').nullish().transform((v) => v ?? null).describe('失われている時間 (時間/月)'),
    severity: z.enum(painSeverities),
    description: optionalLongText(2_000),
  })
  .meta({ id: 'PainPointEntry' });

export const painPoint = z
  .object({
    id: uuid,
    process: z.string(),
    sufferer: z.string().nullable(),
    hoursLostPerMonth: z.number().nullable(),
    severity: z.enum(painSeverities),
    description: z.string().nullable(),
  })
  .meta({ id: 'PainPoint' });

// ---------------------------------------------------------------- activities

const activityFields = {
  occurredAt: isoDateTime.describe('When the support happened (with offset, e.g. 2025-06-02T10:00:00+09:00); not in the future'),
  channel: z.enum(activityChannels),
  minutes: minutes(1_440).describe('相談時間 (分)'),
  preparationMinutes: minutes(1_440).default(0).describe('準備時間 (分)'),
  travelMinutes: minutes(1_440).default(0).describe('移動時間 (分)'),
  staffIds: z.array(uuid).max(20).default([]).describe('Desk staff present'),
  expertIds: z.array(uuid).max(20).default([]).describe('Experts present'),
  notes: optionalLongText(20_000),
  reportable: z.boolean().default(true).describe('Counts in reports (subject to the programme’s rules)'),
  programmeId: uuid.nullish().transform((v) => v ?? null).describe('The funding programme it is counted under; empty = the default programme for its date'),
};

export const activityCreateInput = z.strictObject(activityFields).meta({ id: 'ActivityCreate' });
export type ActivityCreateInput = z.output<typeof activityCreateInput>;

export const activityUpdateInput = z
  .strictObject({
    version,
    ...Object.fromEntries(Object.entries(activityFields).map(([key, schema]) => [key, schema.optional()])),
  } as { version: typeof version } & { [K in keyof typeof activityFields]: z.ZodOptional<(typeof activityFields)[K]> })
  .meta({ id: 'ActivityUpdate' });
export type ActivityUpdateInput = z.output<typeof activityUpdateInput>;

const personRef = z.object({ id: uuid, name: z.string() }).meta({ id: 'PersonRef' });

export const activity = z
  .object({
    id: uuid,
    caseId: uuid,
    occurredAt: isoDateTime,
    occurredOn: isoDate,
    fiscalYear: z.int(),
    channel: z.enum(activityChannels),
    minutes: z.int(),
    preparationMinutes: z.int(),
    travelMinutes: z.int(),
    staff: z.array(personRef),
    experts: z.array(personRef),
    notes: z.string().nullable(),
    reportable: z.boolean(),
    programmeId: uuid.nullable(),
    externalRef: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: 'Activity' });
export type Activity = z.output<typeof activity>;

export const activityList = z.object({ items: z.array(activity) }).meta({ id: 'ActivityList' });

// ---------------------------------------------------------------- cases

const participantInput = z
  .strictObject({
    userId: uuid,
    kind: z.enum(participantKinds),
    roleLabel: optionalText(50).describe('Role on this case, e.g. ITコーディネータ, 仕様書レビュー'),
  })
  .meta({ id: 'CaseParticipantEntry' });

const themeIds = z.array(uuid).max(20).transform((ids) => [...new Set(ids)]);

const caseFields = {
  caseType: z.enum(caseTypes),
  title: text(200).describe('件名'),
  description: optionalLongText(20_000).describe('相談内容: what troubles the requester'),
  preferredChannel: z.enum(preferredChannels).nullish().transform((v) => v ?? null),
  themeIds,
  coordinatorId: uuid.nullish().transform((v) => v ?? null).describe('The staff member who coordinates the case'),
  participants: z.array(participantInput).max(30),
  painPoints: z.array(painPointInput).max(50),
  consentSharePartners: z.boolean().describe('The requester agreed that the case may be shared with partners'),
  outcomeSummary: optionalLongText(5_000),
};

/** The company of a new case: one from the register, or a new entry (the same fields as the register's form). */
const companyChoice = z.union([z.strictObject({ id: uuid }), z.strictObject({ create: companyCreateInput })]);
/** The contact: one of the company's contacts, a new one, or none. */
const contactChoice = z.union([z.strictObject({ id: uuid }), z.strictObject({ create: companyContactInput })]).nullish();

/**
 * The one-screen intake: company, contact, case and its first activity in one request, one transaction
 * (opening a case must not take eight screens).
 */
export const caseCreateInput = z
  .strictObject({
    company: companyChoice,
    contact: contactChoice.transform((v) => v ?? null),
    caseType: caseFields.caseType,
    title: caseFields.title,
    description: caseFields.description,
    preferredChannel: caseFields.preferredChannel,
    themeIds: themeIds.default([]),
    coordinatorId: caseFields.coordinatorId,
    participants: caseFields.participants.default([]),
    painPoints: caseFields.painPoints.default([]),
    consentTerms: z.boolean().default(false),
    consentSharePartners: caseFields.consentSharePartners.default(false),
    openedOn: isoDate.optional().describe('受付日; today in Japan when omitted'),
    firstActivity: activityCreateInput.nullish().transform((v) => v ?? null),
  })
  .meta({ id: 'CaseCreate' });
export type CaseCreateInput = z.output<typeof caseCreateInput>;

/** A partial update: only the fields sent change; participants and painPoints replace the whole list. */
export const caseUpdateInput = z
  .strictObject({
    version,
    ...Object.fromEntries(Object.entries(caseFields).map(([key, schema]) => [key, schema.optional()])),
  } as { version: typeof version } & { [K in keyof typeof caseFields]: z.ZodOptional<(typeof caseFields)[K]> })
  .meta({ id: 'CaseUpdate' });
export type CaseUpdateInput = z.output<typeof caseUpdateInput>;

export const caseTransitionInput = z
  .strictObject({
    version,
    to: z.enum(caseStatuses),
    outcomeSummary: optionalLongText(5_000).optional().describe('What the case achieved (when completing)'),
    closedOn: isoDate.optional().describe('完了日 when completing; today in Japan when omitted'),
  })
  .meta({ id: 'CaseTransition' });
export type CaseTransitionInput = z.output<typeof caseTransitionInput>;

export const caseViews = ['all', 'mine', 'unassigned', 'overdue', 'follow_ups_due', 'open'] as const;
export const caseSorts = ['-updatedAt', 'updatedAt', '-openedOn', 'openedOn', 'receiptNumber', '-receiptNumber'] as const;
export type CaseSort = (typeof caseSorts)[number];

const statusList = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(z.enum(caseStatuses)).max(20));

export const caseListQuery = z.strictObject({
  view: z.enum(caseViews).default('all').describe('Built-in filters: mine (I coordinate or take part), unassigned, overdue next actions, follow-ups due, open'),
  q: z.string().max(100).optional().describe('Japanese search over the case, its 「負」 and activity notes'),
  status: statusList.optional().describe('Comma-separated statuses'),
  caseType: z.enum(caseTypes).optional(),
  themeId: uuid.optional(),
  coordinatorId: uuid.optional(),
  companyId: uuid.optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional().describe('Fiscal year of receipt'),
  sort: z.enum(caseSorts).default('-updatedAt'),
  cursor: z.string().max(500).optional(),
  limit: paginationLimit,
});
export type CaseListQuery = z.output<typeof caseListQuery>;

const themeRef = z.object({ id: uuid, name: z.string() }).meta({ id: 'ThemeRef' });

export const caseAbilities = z
  .object({
    update: z.boolean(),
    transition: z.boolean(),
    assign: z.boolean(),
    addActivity: z.boolean(),
    deleteActivity: z.boolean(),
    attach: z.boolean(),
    viewContact: z.boolean(),
    viewAudit: z.boolean(),
  })
  .meta({ id: 'CaseAbilities' });

export const caseSummary = z
  .object({
    id: uuid,
    receiptNumber: z.string(),
    fiscalYear: z.int(),
    caseType: z.enum(caseTypes),
    status: z.enum(caseStatuses),
    title: z.string(),
    company: z.object({ id: uuid, name: z.string() }),
    themes: z.array(themeRef),
    coordinator: personRef.nullable(),
    source: z.enum(caseSources),
    openedOn: isoDate,
    closedOn: isoDate.nullable(),
    nextDueOn: isoDate.nullable().describe('The earliest open next action'),
    allowedTransitions: z.array(z.enum(caseStatuses)).describe('Where the actor may move the case from here (empty when they may not)'),
    updatedAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.output<typeof caseSummary>;

export const casePage = z
  .object({ items: z.array(caseSummary), total: z.int(), nextCursor: z.string().nullable() })
  .meta({ id: 'CasePage' });

export const caseBoard = z
  .object({
    columns: z.array(z.object({ status: z.enum(caseStatuses), total: z.int(), items: z.array(caseSummary) })),
  })
  .meta({ id: 'CaseBoard' });

export const nextAction = z
  .object({
    id: uuid,
    title: z.string(),
    dueOn: isoDate,
    assignee: personRef.nullable(),
    doneAt: isoDateTime.nullable(),
    version: z.int(),
  })
  .meta({ id: 'NextAction' });

export const followUp = z
  .object({
    id: uuid,
    caseId: uuid,
    monthsAfter: z.int(),
    dueOn: isoDate,
    status: z.enum(followUpStatuses),
    recordedOn: isoDate.nullable(),
    toolAdopted: z.boolean().nullable(),
    toolName: z.string().nullable(),
    processDigitised: z.boolean().nullable(),
    subsidyApplied: z.boolean().nullable(),
    subsidyAdopted: z.boolean().nullable(),
    dxCertified: z.boolean().nullable(),
    hoursSavedPerMonth: z.number().nullable(),
    salesChange: z.enum(salesChanges).nullable(),
    salesChangePercent: z.number().nullable(),
    notes: z.string().nullable(),
    version: z.int(),
  })
  .meta({ id: 'FollowUp' });

export const attachmentMeta = z
  .object({
    id: uuid,
    activityId: uuid.nullable(),
    purpose: z.enum(attachmentPurposes),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.int(),
    uploadedAt: isoDateTime,
    uploadedBy: personRef.nullable(),
  })
  .meta({ id: 'Attachment' });

export const caseDetail = caseSummary
  .extend({
    company: companySummary,
    contact: z.object({ id: uuid, name: z.string(), role: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    description: z.string().nullable(),
    preferredChannel: z.enum(preferredChannels).nullable(),
    participants: z.array(z.object({ user: personRef, kind: z.enum(participantKinds), roleLabel: z.string().nullable() })),
    painPoints: z.array(painPoint),
    consentTerms: z.boolean(),
    consentSharePartners: z.boolean(),
    outcomeSummary: z.string().nullable(),
    externalRef: z.string().nullable(),
    allowedTransitions: z.array(z.enum(caseStatuses)),
    nextActions: z.array(nextAction),
    followUps: z.array(followUp),
    attachments: z.array(attachmentMeta),
    activityCount: z.int(),
    createdAt: isoDateTime,
    version: z.int(),
    abilities: caseAbilities,
  })
  .meta({ id: 'Case' });
export type CaseDetail = z.output<typeof caseDetail>;

// ---------------------------------------------------------------- next actions and follow-ups

export const nextActionCreateInput = z
  .strictObject({ title: text(200), dueOn: isoDate, assigneeId: uuid.nullish().transform((v) => v ?? null) })
  .meta({ id: 'NextActionCreate' });
export type NextActionCreateInput = z.output<typeof nextActionCreateInput>;

export const nextActionUpdateInput = z
  .strictObject({
    version,
    title: text(200).optional(),
    dueOn: isoDate.optional(),
    assigneeId: uuid.nullable().optional(),
    done: z.boolean().optional(),
  })
  .meta({ id: 'NextActionUpdate' });
export type NextActionUpdateInput = z.output<typeof nextActionUpdateInput>;

export const followUpRecordInput = z
  .strictObject({
    version,
    status: z.enum(['done', 'skipped']),
    recordedOn: isoDate.optional().describe('Today in Japan when omitted; not in the future'),
    toolAdopted: z.boolean().nullish().transform((v) => v ?? null),
    toolName: optionalText(100),
    processDigitised: z.boolean().nullish().transform((v) => v ?? null),
    subsidyApplied: z.boolean().nullish().transform((v) => v ?? null),
    subsidyAdopted: z.boolean().nullish().transform((v) => v ?? null),
    dxCertified: z.boolean().nullish().transform((v) => v ?? null),
    hoursSavedPerMonth: z.number().min(0, 'too_small').max(10_000, 'too_big').nullish().transform((v) => v ?? null),
    salesChange: z.enum(salesChanges).nullish().transform((v) => v ?? null),
    salesChangePercent: z.number().min(-100, 'too_small').max(10_000, 'too_big').nullish().transform((v) => v ?? null),
    notes: optionalLongText(5_000),
  })
  .meta({ id: 'FollowUpRecord' });
export type FollowUpRecordInput = z.output<typeof followUpRecordInput>;

export const followUpListQuery = z.strictObject({
  due: z.enum(['due', 'upcoming', 'all']).default('due').describe('due: scheduled and due within 14 days or overdue'),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page'),
  limit: paginationLimit,
});

export const followUpDue = followUp
  .extend({ case: z.object({ id: uuid, receiptNumber: z.string(), title: z.string(), companyName: z.string() }) })
  .meta({ id: 'FollowUpDue' });
export const followUpList = z.object({ items: z.array(followUpDue), total: z.int(), nextCursor: z.string().nullable() }).meta({ id: 'FollowUpList' });

export const attachmentUploadQuery = z.strictObject({
  purpose: z.enum(attachmentPurposes).default('other'),
  activityId: uuid.optional(),
});

export const savedCaseViewInput = z.strictObject({ name: text(50), query: z.string().max(1000) }).meta({ id: 'SavedCaseViewCreate' });
export const savedCaseView = z.object({ id: uuid, name: z.string(), query: z.string() }).meta({ id: 'SavedCaseView' });
export const savedCaseViewList = z.object({ items: z.array(savedCaseView) }).meta({ id: 'SavedCaseViewList' });
