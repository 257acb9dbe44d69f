import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { company } from './companies';
import { tenantIsolationPolicy } from './rls';
import { tenant } from './tenancy';

/**
 * The consultation desk (相談窓口): cases, the 「負」 inventory, activities, next actions, follow-ups,
 * the desk's theme taxonomy and the funding programmes whose counting rules the reports apply.
 * Every table is tenant-owned with the one isolation policy; FORCE is set in migration 0005.
 */

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** The desk's theme taxonomy (業務効率化, 受発注・在庫, …), edited by admins; cases refer to themes by ID. */
export const deskTheme = pgTable(
  'desk_theme',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('desk_theme_name_idx').on(t.tenantId, t.name),
    tenantIsolationPolicy(),
  ],
);

/** Per-tenant desk settings: whether the public intake form is open and what it says. */
export const deskSettings = pgTable(
  'desk_settings',
  {
    tenantId: uuid('tenant_id').primaryKey().references(() => tenant.id),
    intakeEnabled: boolean('intake_enabled').notNull().default(false),
    /** Terms the requester agrees to (利用規約・個人情報の取扱い), shown on the public form. */
    termsText: text('terms_text').notNull().default(''),
    /** Where the desk is told about a new public request (a shared desk address); optional. */
    notifyAddress: text('notify_address'),
    /** Months after closing at which outcomes are followed up. */
    followUpMonths: integer('follow_up_months').array().notNull().default(sql`'{3,6,12}'::integer[]`),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  () => [tenantIsolationPolicy()],
);

/**
 * A funding programme (委託事業, e.g. 令和7年度 DX総合窓口運営業務) and its definition of what counts.
 * Reports evaluate these rules at query time, so changing them recomputes every figure.
 */
export const fundingProgramme = pgTable(
  'funding_programme',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    commissioner: text('commissioner'),
    /** The contract period; usually one fiscal year (1 April – 31 March). Activities are counted inside it. */
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** 延べ件数 target for the period (e.g. 100). */
    supportTarget: integer('support_target'),
    /** 実事業者数 target, when the contract sets one. */
    companyTarget: integer('company_target'),
    countedChannels: text('counted_channels').array().notNull(),
    countedCaseTypes: text('counted_case_types').array().notNull(),
    /** An activity shorter than this does not count. */
    minimumMinutes: integer('minimum_minutes').notNull().default(0),
    /** Whether preparation and travel minutes count toward the minimum ('session' or 'session_and_preparation'). */
    minutesBasis: text('minutes_basis').notNull().default('session'),
    /** How 実事業者数 tells companies apart: 'corporate_number' (法人番号, else the internal ID) or 'company' (internal ID). */
    companyIdentity: text('company_identity').notNull().default('corporate_number'),
    /** Cells below this are shown as 「*」 in figures marked for publication. */
    suppressionThreshold: integer('suppression_threshold').notNull().default(3),
    /** New activities inside the period default to this programme. */
    isDefault: boolean('is_default').notNull().default(false),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('funding_programme_period_idx').on(t.tenantId, t.startsOn), tenantIsolationPolicy()],
);

/** A consultation case (相談案件): one request of one company (or municipality, or school), from 受付 to 完了. */
export const deskCase = pgTable(
  'desk_case',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull(),
    /** 受付番号, R7-0001 style, numbered per fiscal year of receipt. */
    receiptNumber: text('receipt_number').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    caseType: text('case_type').notNull(),
    status: text('status').notNull(),
    companyId: uuid('company_id').notNull(),
    contactId: uuid('contact_id'),
    title: text('title').notNull(),
    /** What troubles the requester, in their words (and the desk's notes). */
    description: text('description'),
    preferredChannel: text('preferred_channel'),
    themeIds: uuid('theme_ids').array().notNull().default(sql`'{}'::uuid[]`),
    coordinatorId: uuid('coordinator_id'),
    source: text('source').notNull(),
    consentTerms: boolean('consent_terms').notNull().default(false),
    /** The requester agreed that the case may be shared with partners (banks, vendors…); sharing needs it. */
    consentSharePartners: boolean('consent_share_partners').notNull().default(false),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    outcomeSummary: text('outcome_summary'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The record's ID in the system it was imported from (kintone レコード番号…); import upserts by it. */
    externalRef: text('external_ref'),
    /** The public form's one-time submission ID: a retried submission returns the same case. */
    publicSubmissionId: uuid('public_submission_id'),
    /** Folded text of the case, its 「負」 and its activity notes: what Japanese search matches (pg_trgm). */
    searchText: text('search_text').notNull(),
    ...timestamps,
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.companyId], foreignColumns: [company.tenantId, company.id] }),
    uniqueIndex('desk_case_receipt_idx').on(t.tenantId, t.receiptNumber),
    uniqueIndex('desk_case_external_ref_idx').on(t.tenantId, t.externalRef),
    uniqueIndex('desk_case_public_submission_idx').on(t.tenantId, t.publicSubmissionId),
    index('desk_case_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('desk_case_status_idx').on(t.tenantId, t.status, t.updatedAt),
    index('desk_case_coordinator_idx').on(t.tenantId, t.coordinatorId, t.status),
    index('desk_case_company_idx').on(t.tenantId, t.companyId),
    index('desk_case_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    tenantIsolationPolicy(),
  ],
);

/** Experts (with their role on the case) and partners the case is shared with. The coordinator is on the case. */
export const deskCaseParticipant = pgTable(
  'desk_case_participant',
  {
    tenantId: uuid('tenant_id').notNull(),
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** 'expert' or 'partner'. */
    kind: text('kind').notNull(),
    /** The role on this case, e.g. ITコーディネータ, 仕様書レビュー担当. */
    roleLabel: text('role_label'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    addedBy: uuid('added_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [deskCase.tenantId, deskCase.id] }).onDelete('cascade'),
    index('desk_case_participant_user_idx').on(t.tenantId, t.userId),
    tenantIsolationPolicy(),
  ],
);

/** The 「負」 inventory: waste and trouble in daily work, listed before any tool is proposed. */
export const painPoint = pgTable(
  'pain_point',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** The business process (受発注, 請求, 在庫管理…). */
    process: text('process').notNull(),
    /** Who suffers (経理担当, 現場, 顧客…). */
    sufferer: text('sufferer'),
    hoursLostPerMonth: numeric('hours_lost_per_month', { precision: 7, scale: 1, mode: 'number' }),
    /** 'low' | 'medium' | 'high'. */
    severity: text('severity').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [deskCase.tenantId, deskCase.id] }).onDelete('cascade'),
    index('pain_point_case_idx').on(t.tenantId, t.caseId, t.position),
    tenantIsolationPolicy(),
  ],
);

/** A support given on a case (相談対応): a session, visit, call or mail, with what counting needs. */
export const caseActivity = pgTable(
  'case_activity',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** The calendar date in Asia/Tokyo and its fiscal year, fixed at write: reports group by them. */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    channel: text('channel').notNull(),
    minutes: integer('minutes').notNull(),
    preparationMinutes: integer('preparation_minutes').notNull().default(0),
    travelMinutes: integer('travel_minutes').notNull().default(0),
    staffIds: uuid('staff_ids').array().notNull().default(sql`'{}'::uuid[]`),
    expertIds: uuid('expert_ids').array().notNull().default(sql`'{}'::uuid[]`),
    notes: text('notes'),
    reportable: boolean('reportable').notNull().default(true),
    programmeId: uuid('programme_id'),
    externalRef: text('external_ref'),
    ...timestamps,
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [deskCase.tenantId, deskCase.id] }).onDelete('cascade'),
    index('case_activity_case_idx').on(t.tenantId, t.caseId, t.occurredAt),
    index('case_activity_programme_idx').on(t.tenantId, t.programmeId, t.occurredOn),
    index('case_activity_occurred_on_idx').on(t.tenantId, t.occurredOn),
    uniqueIndex('case_activity_external_ref_idx').on(t.tenantId, t.externalRef),
    tenantIsolationPolicy(),
  ],
);

/** Files on a case or an activity (a specification or estimate to review, minutes…), up to 10 MB, type sniffed. */
export const caseAttachment = pgTable(
  'case_attachment',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    activityId: uuid('activity_id'),
    /** 'specification' | 'estimate' | 'minutes' | 'other'. */
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Base64 text rather than bytea (see import_job.file_base64). Lists never select it. */
    contentBase64: text('content_base64').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [deskCase.tenantId, deskCase.id] }).onDelete('cascade'),
    index('case_attachment_case_idx').on(t.tenantId, t.caseId),
    tenantIsolationPolicy(),
  ],
);

/** What has to happen next on a case, by when and by whom; reminders go out when it falls due. */
export const nextAction = pgTable(
  'next_action',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    assigneeId: uuid('assignee_id'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    ...timestamps,
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [deskCase.tenantId, deskCase.id] }).onDelete('cascade'),
    index('next_action_case_idx').on(t.tenantId, t.caseId),
    index('next_action_open_due_idx').on(t.tenantId, t.dueOn).where(sql`${t.doneAt} IS NULL`),
    tenantIsolationPolicy(),
  ],
);

/** An outcome follow-up, scheduled 3, 6 and 12 months after a case closes, and what it found. */
export const followUp = pgTable(
  'follow_up',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    monthsAfter: integer('months_after').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** 'scheduled' | 'done' | 'skipped' | 'cancelled' (the case was reopened). */
    status: text('status').notNull(),
    recordedOn: date('recorded_on', { mode: 'string' }),
    toolAdopted: boolean('tool_adopted'),
    toolName: text('tool_name'),
    processDigitised: boolean('process_digitised'),
    subsidyApplied: boolean('subsidy_applied'),
    subsidyAdopted: boolean('subsidy_adopted'),
    dxCertified: boolean('dx_certified'),
    hoursSavedPerMonth: numeric('hours_saved_per_month', { precision: 7, scale: 1, mode: 'number' }),
    /** 'increase' | 'flat' | 'decrease' | 'unknown' (売上 増加・横ばい・減少・不明). */
    salesChange: text('sales_change'),
    salesChangePercent: numeric('sales_change_percent', { precision: 6, scale: 1, mode: 'number' }),
    notes: text('notes'),
    recordedBy: uuid('recorded_by'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [deskCase.tenantId, deskCase.id] }).onDelete('cascade'),
    index('follow_up_case_idx').on(t.tenantId, t.caseId),
    index('follow_up_due_idx').on(t.tenantId, t.status, t.dueOn),
    tenantIsolationPolicy(),
  ],
);

/** The last 受付番号 given per fiscal year; taken with UPDATE … RETURNING so concurrent intakes never collide. */
export const receiptSequence = pgTable(
  'receipt_sequence',
  {
    tenantId: uuid('tenant_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.fiscalYear] }), tenantIsolationPolicy()],
);

/** A person's own saved case filters (beside the built-in ones: mine, unassigned, overdue, follow-ups due). */
export const savedCaseView = pgTable(
  'saved_case_view',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    /** The list query (status, theme, coordinator, q…) as the list endpoint takes it. */
    query: text('query').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('saved_case_view_user_idx').on(t.tenantId, t.userId), tenantIsolationPolicy()],
);
