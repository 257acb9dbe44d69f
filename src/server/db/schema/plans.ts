import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgPolicy,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolationPolicy } from './rls';
import { tenant } from './tenancy';

/**
 * Plans and indicators (DX推進プラン・ロードマップ・KPI, ADR 0017): a plan's tree of nodes, milestones for the
 * roadmap table, indicators with fiscal-year (and half-year) periods, target revisions, the update workflow
 * that approves actuals, composite-index methods kept by version, reviews and committee opinions.
 * Every table is tenant-owned with the one isolation policy; FORCE is set in migration 0008.
 */

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** One entry of a plan's configurable status list (未着手 0 %, 実施中 50 %, 完了 100 % …). */
export interface PlanStatusOption {
  key: string;
  name: string;
  nameEn?: string | null;
  /** Progress (0–100) a node in this status has unless its progress is entered. */
  progress: number;
}

/** One grade of a plan's review scale (順調 / 概ね順調 / やや遅れ / 遅れ), best first. */
export interface PlanGradeOption {
  key: string;
  name: string;
  nameEn?: string | null;
}

/**
 * A plan: the prefecture's five-year DX plan, an organisation's strategy, a company's DX plan. Draft plans are
 * seen only inside the tenant; public ones also on the public pages (approved values only).
 */
export const plan = pgTable(
  'plan',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    description: text('description').notNull().default(''),
    /** The edition (版) as people name it: 「令和6年3月策定」, 「第2版（令和8年改定）」. */
    edition: text('edition').notNull().default(''),
    /** Fiscal years (April–March) the plan runs, inclusive: 2024–2028 = 令和6–10年度. */
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    /** Names of the tree's levels from the top: 分野, 取組分野, 取組方針, 事業 … (deeper nodes reuse the last). */
    levelNames: text('level_names').array().notNull(),
    levelNamesEn: text('level_names_en').array().notNull().default(sql`'{}'::text[]`),
    /** How a parent's progress follows from its children: 'weighted' | 'average'. */
    rollupMethod: text('rollup_method').notNull().default('average'),
    statuses: jsonb('statuses').$type<PlanStatusOption[]>().notNull(),
    grades: jsonb('grades').$type<PlanGradeOption[]>().notNull(),
    /** 'draft' | 'public'. */
    visibility: text('visibility').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Who approves submitted actuals (besides admins). */
    reviewerIds: uuid('reviewer_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Reporting deadlines as month-day after the period ends: 上期 (Apr–Sep) and the year (Apr–Mar). */
    firstHalfDue: text('first_half_due').notNull().default('10-31'),
    yearDue: text('year_due').notNull().default('05-31'),
    reminderDays: integer('reminder_days').notNull().default(14),
    externalId: text('external_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('plan_external_id_idx').on(t.tenantId, t.externalId),
    tenantIsolationPolicy(),
    // The public pages list public plans of every tenant before they know the tenant: only while the request
    // sets app.public_lookup for that one statement (as the tenant lookup of the public intake does).
    pgPolicy('plan_public_lookup', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`visibility = 'public' AND current_setting('app.public_lookup', true) = 'on'`,
    }),
  ],
);

/**
 * A node of a plan's tree: 分野, 取組分野, 取組方針, 事業, 取組 … of free depth. `depth` (0 = top) names its
 * level; `levelName` overrides it for a node that is not what its level says (the 基盤 beside the 分野).
 */
export const planNode = pgTable(
  'plan_node',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    parentId: uuid('parent_id'),
    depth: integer('depth').notNull(),
    position: integer('position').notNull().default(0),
    /** The reference shown beside the title (1, 1-2, 1-2-3 …), unique in the plan when given. */
    code: text('code'),
    levelName: text('level_name'),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    description: text('description').notNull().default(''),
    /** 担当課: the division responsible. Owners are people who report on it. */
    division: text('division'),
    ownerIds: uuid('owner_ids').array().notNull().default(sql`'{}'::uuid[]`),
    statusKey: text('status_key'),
    /** Progress entered by hand (0–100); NULL = from the status, or from the children. */
    progress: numeric('progress', { mode: 'number' }),
    /** Share in the parent's weighted roll-up; weights of siblings are normalised when they do not add to 100. */
    weight: numeric('weight', { mode: 'number' }).notNull().default(1),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    externalId: text('external_id'),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plan.tenantId, plan.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }).onDelete('cascade'),
    index('plan_node_plan_idx').on(t.tenantId, t.planId, t.parentId, t.position),
    uniqueIndex('plan_node_external_id_idx').on(t.tenantId, t.planId, t.externalId),
    uniqueIndex('plan_node_code_idx').on(t.tenantId, t.planId, t.code),
    tenantIsolationPolicy(),
  ],
);

/**
 * A milestone of a node's roadmap: planned for a fiscal year (the 目標 row), achieved on a date (the 実績 row of
 * the year it was achieved in). An achievement nobody planned has no planned year.
 */
export const planMilestone = pgTable(
  'plan_milestone',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    title: text('title').notNull(),
    plannedYear: integer('planned_year'),
    achievedOn: date('achieved_on'),
    note: text('note').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.nodeId], foreignColumns: [planNode.tenantId, planNode.id] }).onDelete('cascade'),
    index('plan_milestone_node_idx').on(t.tenantId, t.nodeId),
    index('plan_milestone_plan_idx').on(t.tenantId, t.planId),
    tenantIsolationPolicy(),
  ],
);

/**
 * An indicator: what is measured, its unit and direction, a baseline and how it is obtained. Attached to a
 * node, or to the plan itself (node NULL: the 基本目標). Three kinds: 'manual' (entered and approved),
 * 'computed' (from a named metric source over Tsumugi's own data) and 'composite' (an index of other
 * indicators by a versioned method).
 */
export const indicator = pgTable(
  'indicator',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    nodeId: uuid('node_id'),
    position: integer('position').notNull().default(0),
    code: text('code'),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    unit: text('unit').notNull().default(''),
    /** 'higher' (more is better) | 'lower'. */
    direction: text('direction').notNull().default('higher'),
    kind: text('kind').notNull().default('manual'),
    /** 'year' (年度) | 'half' (上期/下期 reported, the year combined from them). */
    periodicity: text('periodicity').notNull().default('year'),
    /** How half-years combine into the year: 'sum' | 'last' | 'mean'. */
    yearAggregation: text('year_aggregation').notNull().default('sum'),
    decimals: integer('decimals').notNull().default(0),
    /** Values must lie in [minValue, maxValue] when given (a percentage: 0–100). */
    minValue: numeric('min_value', { mode: 'number' }),
    maxValue: numeric('max_value', { mode: 'number' }),
    baselineValue: numeric('baseline_value', { mode: 'number' }),
    baselineYear: integer('baseline_year'),
    method: text('method').notNull().default(''),
    source: text('source').notNull().default(''),
    /** For 'computed': the metric source's key and its parameters (e.g. the funding programme). */
    metricKey: text('metric_key'),
    metricParams: jsonb('metric_params').$type<Record<string, unknown>>().notNull().default({}),
    /** Who submits actuals; empty = the node's owners. */
    ownerIds: uuid('owner_ids').array().notNull().default(sql`'{}'::uuid[]`),
    weight: numeric('weight', { mode: 'number' }).notNull().default(1),
    externalId: text('external_id'),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plan.tenantId, plan.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.nodeId], foreignColumns: [planNode.tenantId, planNode.id] }).onDelete('cascade'),
    index('indicator_plan_idx').on(t.tenantId, t.planId, t.nodeId),
    uniqueIndex('indicator_external_id_idx').on(t.tenantId, t.planId, t.externalId),
    tenantIsolationPolicy(),
  ],
);

/**
 * A period of an indicator: a fiscal year (half NULL) or one of its halves (1 = 上期 Apr–Sep, 2 = 下期 Oct–Mar).
 * The target is the latest revision (indicator_target_revision keeps them all); the actual is the last
 * approved update's value. A locked period takes no more updates or target changes.
 */
export const indicatorPeriod = pgTable(
  'indicator_period',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    half: smallint('half'),
    target: numeric('target', { mode: 'number' }),
    actual: numeric('actual', { mode: 'number' }),
    actualUpdateId: uuid('actual_update_id'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: uuid('locked_by'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.indicatorId], foreignColumns: [indicator.tenantId, indicator.id] }).onDelete('cascade'),
    // One row per (indicator, year, half); NULLS NOT DISTINCT so the whole year is one row too.
    unique('indicator_period_key').on(t.tenantId, t.indicatorId, t.fiscalYear, t.half).nullsNotDistinct(),
    tenantIsolationPolicy(),
  ],
);

/** Every target a period has had, the first one included: an R5 target changed in R7 still shows the original. */
export const indicatorTargetRevision = pgTable(
  'indicator_target_revision',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    periodId: uuid('period_id').notNull(),
    target: numeric('target', { mode: 'number' }),
    reason: text('reason').notNull().default(''),
    revisedAt: timestamp('revised_at', { withTimezone: true }).notNull().defaultNow(),
    revisedBy: uuid('revised_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [indicatorPeriod.tenantId, indicatorPeriod.id] }).onDelete('cascade'),
    index('indicator_target_revision_period_idx').on(t.tenantId, t.periodId, t.revisedAt),
    tenantIsolationPolicy(),
  ],
);

/**
 * An update to a period's actual: a value and a narrative with evidence, moving draft → submitted →
 * (returned → submitted …) → approved. Approval makes its value the period's actual. Who did each step, and
 * when, stays on the row.
 */
export const indicatorUpdate = pgTable(
  'indicator_update',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    periodId: uuid('period_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    value: numeric('value', { mode: 'number' }),
    narrative: text('narrative').notNull().default(''),
    /** For a computed indicator: how the value was computed when it was submitted (rules, counts). */
    computation: jsonb('computation').$type<Record<string, unknown>>(),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewComment: text('review_comment').notNull().default(''),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [indicatorPeriod.tenantId, indicatorPeriod.id] }).onDelete('cascade'),
    index('indicator_update_period_idx').on(t.tenantId, t.periodId, t.createdAt),
    index('indicator_update_status_idx').on(t.tenantId, t.status),
    tenantIsolationPolicy(),
  ],
);

/** Evidence attached to an update (a survey table, a photo, minutes), kept like case attachments. */
export const indicatorEvidence = pgTable(
  'indicator_evidence',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    updateId: uuid('update_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    contentBase64: text('content_base64').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.updateId], foreignColumns: [indicatorUpdate.tenantId, indicatorUpdate.id] }).onDelete('cascade'),
    index('indicator_evidence_update_idx').on(t.tenantId, t.updateId),
    tenantIsolationPolicy(),
  ],
);

/** One component of a composite index: a sub-indicator, its weight and the bounds its normalisation needs. */
export interface CompositeComponent {
  indicatorId: string;
  weight: number;
  /** min–max: the values that map to 0 and 100. */
  min?: number | null;
  max?: number | null;
  /** 偏差値: the reference mean and standard deviation. */
  mean?: number | null;
  sd?: number | null;
}

/**
 * A version of a composite index's method. A version applies from its first fiscal year until the next
 * version's; past years keep the version they were computed with, so changing the method never rewrites them.
 * Versions are never edited, only added.
 */
export const compositeMethod = pgTable(
  'composite_method',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    methodVersion: integer('method_version').notNull(),
    effectiveFromYear: integer('effective_from_year').notNull(),
    /** 'target_share' | 'min_max' | '偏差値' as 'deviation'. */
    normalisation: text('normalisation').notNull(),
    /** Scores above this are cut to it (e.g. 100 %: over-achieving one part does not hide another); NULL = none. */
    capAt: numeric('cap_at', { mode: 'number' }),
    /** 'renormalise' (weights of the parts present) | 'require_all' (no index while a part is missing). */
    missing: text('missing').notNull().default('renormalise'),
    components: jsonb('components').$type<CompositeComponent[]>().notNull(),
    explanation: text('explanation').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.indicatorId], foreignColumns: [indicator.tenantId, indicator.id] }).onDelete('cascade'),
    uniqueIndex('composite_method_version_idx').on(t.tenantId, t.indicatorId, t.methodVersion),
    tenantIsolationPolicy(),
  ],
);

/**
 * A review of a node (or of the plan, node NULL) for a fiscal year: 'first_half' (上期, the half-year review)
 * or 'annual' (年度). A grade from the plan's scale and comments; 'final' reviews appear on the public pages.
 */
export const planReview = pgTable(
  'plan_review',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    nodeId: uuid('node_id'),
    fiscalYear: integer('fiscal_year').notNull(),
    term: text('term').notNull(),
    gradeKey: text('grade_key').notNull(),
    comment: text('comment').notNull().default(''),
    /** 'draft' | 'final'. */
    status: text('status').notNull().default('draft'),
    reviewedBy: uuid('reviewed_by'),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plan.tenantId, plan.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.nodeId], foreignColumns: [planNode.tenantId, planNode.id] }).onDelete('cascade'),
    unique('plan_review_key').on(t.tenantId, t.planId, t.nodeId, t.fiscalYear, t.term).nullsNotDistinct(),
    tenantIsolationPolicy(),
  ],
);

/** A committee meeting (策定委員会, 推進本部, 有識者会議) on the plan. */
export const committeeMeeting = pgTable(
  'committee_meeting',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    summary: text('summary').notNull().default(''),
    isPublic: boolean('is_public').notNull().default(false),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plan.tenantId, plan.id] }).onDelete('cascade'),
    index('committee_meeting_plan_idx').on(t.tenantId, t.planId, t.heldOn),
    tenantIsolationPolicy(),
  ],
);

/** An opinion voiced at a meeting, linked to the nodes it concerns, with the response (対応方針) when there is one. */
export const committeeOpinion = pgTable(
  'committee_opinion',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    planId: uuid('plan_id').notNull(),
    nodeIds: uuid('node_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** A role, not a name (委員, 座長). */
    speaker: text('speaker').notNull().default(''),
    body: text('body').notNull(),
    response: text('response').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [committeeMeeting.tenantId, committeeMeeting.id] }).onDelete('cascade'),
    index('committee_opinion_meeting_idx').on(t.tenantId, t.meetingId),
    index('committee_opinion_nodes_idx').using('gin', t.nodeIds),
    tenantIsolationPolicy(),
  ],
);
