import { z } from 'zod';
import {
  indicatorDirections,
  indicatorKinds,
  missingPolicies,
  normalisations,
  periodicities,
  planVisibilities,
  reviewStatuses,
  reviewTerms,
  rollupMethods,
  updateStatuses,
  yearAggregations,
} from '../domain/plans';
import { isoDateTime, optionalLongText, optionalText, text, uuid, version } from './common';

/**
 * Plans, indicators, updates and reviews (ADR 0017). Numbers travel as JSON numbers; the database keeps
 * them as numeric. Every figure the server computes comes with an explanation of how.
 */

const fiscalYear = z.int().min(1990).max(2100).describe('A fiscal year (年度) by the calendar year of its April: 2024 = 令和6年度');
const half = z
  .union([z.literal(1), z.literal(2)])
  .nullable()
  .describe('1 = 上期 (April–September), 2 = 下期 (October–March), null = the whole fiscal year');
const isoDate = z.iso.date();
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'month_day_format');
const key = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'key_format');
/** A finite number within ±1e15 (what people type into a plan). */
const amount = z.number().finite().min(-1e15).max(1e15);
const percent = z.number().finite().min(0).max(100);
const person = z.object({ id: uuid, name: z.string() });

export const planStatusOption = z.strictObject({
  key,
  name: text(40),
  nameEn: optionalText(60).optional().transform((value) => value ?? null),
  progress: percent.describe('Default progress (0–100) of a node in this status'),
});
export const planGradeOption = z.strictObject({
  key,
  name: text(40),
  nameEn: optionalText(60).optional().transform((value) => value ?? null),
});

function uniqueKeys(list: { key: string }[], context: z.core.$RefinementCtx) {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: 'duplicate_key' });
    seen.add(item.key);
  });
}

const planFields = {
  title: text(200),
  titleEn: optionalText(200),
  description: optionalLongText(10_000),
  edition: optionalText(100).describe('版, e.g. 令和6年3月策定'),
  startYear: fiscalYear.describe('First fiscal year of the plan'),
  endYear: fiscalYear.describe('Last fiscal year of the plan, inclusive'),
  levelNames: z.array(text(30)).min(1).max(8).describe('Names of the levels from the top (分野, 取組分野, 取組方針, 事業); deeper nodes reuse the last'),
  levelNamesEn: z.array(text(40)).max(8),
  rollupMethod: z.enum(rollupMethods).describe('weighted: Σ progress × weight / Σ weight of the children with a value; average: their plain mean'),
  statuses: z.array(planStatusOption).min(1).max(20).superRefine(uniqueKeys),
  grades: z.array(planGradeOption).min(2).max(10).superRefine(uniqueKeys).describe('Review scale, best first'),
  reviewerIds: z.array(uuid).max(50).describe('Who approves submitted actuals besides admins'),
  firstHalfDue: monthDay.describe('上期 actuals are due on this month-day after September (MM-DD)'),
  yearDue: monthDay.describe('Year actuals are due on this month-day after March (MM-DD)'),
  reminderDays: z.int().min(0).max(90).describe('Owners are reminded this many days before a deadline'),
  externalId: optionalText(100),
};

function checkYears(input: { startYear?: number; endYear?: number }, context: z.core.$RefinementCtx) {
  if (input.startYear !== undefined && input.endYear !== undefined) {
    if (input.endYear < input.startYear) context.addIssue({ code: 'custom', path: ['endYear'], message: 'ends_before_start' });
    else if (input.endYear - input.startYear > 19) context.addIssue({ code: 'custom', path: ['endYear'], message: 'plan_too_long' });
  }
}

export const planCreateInput = z
  .strictObject({
    ...planFields,
    titleEn: planFields.titleEn.optional().transform((value) => value ?? null),
    description: planFields.description.optional().transform((value) => value ?? null),
    edition: planFields.edition.optional().transform((value) => value ?? null),
    levelNames: planFields.levelNames.optional(),
    levelNamesEn: planFields.levelNamesEn.optional(),
    rollupMethod: planFields.rollupMethod.default('average'),
    statuses: planFields.statuses.optional(),
    grades: planFields.grades.optional(),
    reviewerIds: planFields.reviewerIds.default([]),
    firstHalfDue: planFields.firstHalfDue.default('10-31'),
    yearDue: planFields.yearDue.default('05-31'),
    reminderDays: planFields.reminderDays.default(14),
    externalId: planFields.externalId.optional().transform((value) => value ?? null),
  })
  .superRefine(checkYears)
  .meta({ id: 'PlanCreate' });
export type PlanCreateInput = z.output<typeof planCreateInput>;

export const planUpdateInput = z
  .strictObject({
    version,
    ...Object.fromEntries(Object.entries(planFields).map(([name, schema]) => [name, schema.optional()])),
  } as { version: typeof version } & { [K in keyof typeof planFields]: z.ZodOptional<(typeof planFields)[K]> })
  .superRefine(checkYears)
  .meta({ id: 'PlanUpdate' });
export type PlanUpdateInput = z.output<typeof planUpdateInput>;

export const versionInput = z.strictObject({ version }).meta({ id: 'VersionInput' });

export const planAbilities = z.object({
  edit: z.boolean().describe('Change the plan, its tree and indicators'),
  publish: z.boolean(),
  review: z.boolean().describe('Approve or return updates, grade reviews'),
  submit: z.boolean().describe('Submit actuals (for indicators the person owns, or any when editing)'),
});

export const planSummary = z
  .object({
    id: uuid,
    title: z.string(),
    titleEn: z.string().nullable(),
    edition: z.string(),
    startYear: z.int(),
    endYear: z.int(),
    visibility: z.enum(planVisibilities),
    publishedAt: isoDateTime.nullable(),
    nodeCount: z.int(),
    indicatorCount: z.int(),
    progress: z.number().nullable().describe('The plan-level roll-up of its top nodes (0–100)'),
    updatedAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: 'PlanSummary' });

export const planList = z.object({ items: z.array(planSummary), abilities: z.object({ create: z.boolean() }) }).meta({ id: 'PlanList' });

export const plan = z
  .object({
    ...planSummary.shape,
    description: z.string(),
    levelNames: z.array(z.string()),
    levelNamesEn: z.array(z.string()),
    rollupMethod: z.enum(rollupMethods),
    statuses: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string().nullable(), progress: z.number() })),
    grades: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string().nullable() })),
    reviewers: z.array(person),
    firstHalfDue: z.string(),
    yearDue: z.string(),
    reminderDays: z.int(),
    externalId: z.string().nullable(),
    abilities: planAbilities,
  })
  .meta({ id: 'Plan' });
export type Plan = z.output<typeof plan>;

/* ---------- how a figure was computed ---------- */

export const rollupExplanation = z
  .object({
    kind: z.literal('rollup'),
    /** manual: entered; status: the status's default; weighted/average: from children; none: no value. */
    source: z.enum(['manual', 'status', 'weighted', 'average', 'none']),
    inputs: z.array(z.object({ nodeId: uuid, title: z.string(), progress: z.number().nullable(), weight: z.number(), share: z.number().nullable() })),
    missing: z.array(uuid).describe('Children without a value, left out of the roll-up'),
    weightSum: z.number().nullable(),
    normalised: z.boolean().describe('The weights did not add up to 100 and were scaled to their sum'),
    statusKey: z.string().nullable(),
  })
  .meta({ id: 'RollupExplanation' });

export const compositeExplanation = z
  .object({
    kind: z.literal('composite'),
    methodId: uuid,
    methodVersion: z.int(),
    normalisation: z.enum(normalisations),
    capAt: z.number().nullable(),
    missingPolicy: z.enum(missingPolicies),
    components: z.array(
      z.object({
        indicatorId: uuid,
        name: z.string(),
        value: z.number().nullable(),
        target: z.number().nullable(),
        score: z.number().nullable(),
        weight: z.number(),
        share: z.number().nullable().describe('Weight share after leaving out missing parts'),
      }),
    ),
    missing: z.array(uuid),
    result: z.number().nullable(),
  })
  .meta({ id: 'CompositeExplanation' });

export const metricExplanation = z
  .object({
    kind: z.literal('metric'),
    metricKey: z.string(),
    params: z.record(z.string(), z.unknown()),
    from: isoDate,
    to: isoDate,
    detail: z.record(z.string(), z.unknown()).describe('What the source used: the programme, its counting rules, the counts'),
    value: z.number().nullable(),
  })
  .meta({ id: 'MetricExplanation' });

export const yearExplanation = z
  .object({
    kind: z.literal('halves'),
    aggregation: z.enum(yearAggregations),
    firstHalf: z.number().nullable(),
    secondHalf: z.number().nullable(),
    partial: z.boolean(),
    value: z.number().nullable(),
  })
  .meta({ id: 'HalvesExplanation' });

export const valueExplanation = z.discriminatedUnion('kind', [compositeExplanation, metricExplanation, yearExplanation]);

/* ---------- nodes ---------- */

const nodeFields = {
  parentId: uuid.nullable().describe('The parent node; null = a top node'),
  position: z.int().min(0).max(100_000),
  code: optionalText(40).describe('The reference shown beside the title (1-2-3); unique in the plan'),
  levelName: optionalText(30).describe('Overrides the level name for this node (基盤 beside the 分野)'),
  title: text(300),
  titleEn: optionalText(300),
  description: optionalLongText(10_000),
  division: optionalText(100).describe('担当課'),
  ownerIds: z.array(uuid).max(20),
  statusKey: z.string().nullable(),
  progress: percent.nullable().describe('Progress entered by hand; null = from the status or the children'),
  weight: z.number().finite().min(0).max(1_000_000),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  externalId: optionalText(100),
};

export const nodeCreateInput = z
  .strictObject({
    ...nodeFields,
    parentId: nodeFields.parentId.default(null),
    position: nodeFields.position.optional(),
    code: nodeFields.code.optional().transform((value) => value ?? null),
    levelName: nodeFields.levelName.optional().transform((value) => value ?? null),
    titleEn: nodeFields.titleEn.optional().transform((value) => value ?? null),
    description: nodeFields.description.optional().transform((value) => value ?? null),
    division: nodeFields.division.optional().transform((value) => value ?? null),
    ownerIds: nodeFields.ownerIds.default([]),
    statusKey: nodeFields.statusKey.default(null),
    progress: nodeFields.progress.default(null),
    weight: nodeFields.weight.default(1),
    startsOn: nodeFields.startsOn.default(null),
    endsOn: nodeFields.endsOn.default(null),
    externalId: nodeFields.externalId.optional().transform((value) => value ?? null),
  })
  .meta({ id: 'PlanNodeCreate' });
export type NodeCreateInput = z.output<typeof nodeCreateInput>;

export const nodeUpdateInput = z
  .strictObject({
    version,
    ...Object.fromEntries(Object.entries(nodeFields).map(([name, schema]) => [name, schema.optional()])),
  } as { version: typeof version } & { [K in keyof typeof nodeFields]: z.ZodOptional<(typeof nodeFields)[K]> })
  .meta({ id: 'PlanNodeUpdate' });
export type NodeUpdateInput = z.output<typeof nodeUpdateInput>;

export const planNode = z
  .object({
    id: uuid,
    planId: uuid,
    parentId: uuid.nullable(),
    depth: z.int(),
    position: z.int(),
    code: z.string().nullable(),
    level: z.string().describe('The level name (the override, else the plan level of its depth)'),
    levelName: z.string().nullable(),
    title: z.string(),
    titleEn: z.string().nullable(),
    description: z.string(),
    division: z.string().nullable(),
    owners: z.array(person),
    statusKey: z.string().nullable(),
    progressEntered: z.number().nullable(),
    weight: z.number(),
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    externalId: z.string().nullable(),
    progress: z.number().nullable().describe('Computed progress (0–100)'),
    explanation: rollupExplanation,
    indicatorIds: z.array(uuid),
    updatedAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: 'PlanNode' });
export type PlanNode = z.output<typeof planNode>;

export const planTree = z
  .object({
    plan: plan,
    nodes: z.array(planNode).describe('Depth-first, in position order'),
    progress: z.number().nullable(),
    explanation: rollupExplanation,
    weightWarnings: z.array(z.object({ parentId: uuid.nullable(), weightSum: z.number() })).describe('Sibling groups whose weights do not add up to 100 (normalised in the roll-up)'),
  })
  .meta({ id: 'PlanTree' });

/* ---------- milestones and the roadmap ---------- */

const milestoneFields = {
  title: text(300),
  plannedYear: fiscalYear.nullable(),
  achievedOn: isoDate.nullable(),
  note: optionalLongText(2_000),
  position: z.int().min(0).max(100_000),
};
export const milestoneCreateInput = z
  .strictObject({
    ...milestoneFields,
    plannedYear: milestoneFields.plannedYear.default(null),
    achievedOn: milestoneFields.achievedOn.default(null),
    note: milestoneFields.note.optional().transform((value) => value ?? null),
    position: milestoneFields.position.optional(),
  })
  .meta({ id: 'MilestoneCreate' });
export type MilestoneCreateInput = z.output<typeof milestoneCreateInput>;
export const milestoneUpdateInput = z
  .strictObject({
    version,
    ...Object.fromEntries(Object.entries(milestoneFields).map(([name, schema]) => [name, schema.optional()])),
  } as { version: typeof version } & { [K in keyof typeof milestoneFields]: z.ZodOptional<(typeof milestoneFields)[K]> })
  .meta({ id: 'MilestoneUpdate' });
export type MilestoneUpdateInput = z.output<typeof milestoneUpdateInput>;

export const milestone = z
  .object({
    id: uuid,
    nodeId: uuid,
    title: z.string(),
    plannedYear: z.int().nullable(),
    achievedOn: isoDate.nullable(),
    achievedYear: z.int().nullable(),
    note: z.string(),
    position: z.int(),
    version: z.int(),
  })
  .meta({ id: 'Milestone' });

export const roadmap = z
  .object({
    years: z.array(z.object({ fiscalYear: z.int(), label: z.string().describe('2024（令和6）年度') })),
    initiative: z.object({ id: uuid, title: z.string(), code: z.string().nullable(), division: z.string().nullable(), description: z.string(), field: z.string().nullable() }),
    rows: z.array(
      z.object({
        nodeId: uuid,
        title: z.string(),
        code: z.string().nullable(),
        targets: z.array(z.array(milestone)).describe('Per year (same order as years): milestones planned for it (目標)'),
        actuals: z.array(z.array(milestone)).describe('Per year: milestones achieved in it (実績)'),
      }),
    ),
  })
  .meta({ id: 'Roadmap' });

/* ---------- indicators ---------- */

export const compositeComponentInput = z.strictObject({
  indicatorId: uuid,
  weight: z.number().finite().min(0).max(1_000_000),
  min: amount.nullish().transform((value) => value ?? null),
  max: amount.nullish().transform((value) => value ?? null),
  mean: amount.nullish().transform((value) => value ?? null),
  sd: z.number().finite().positive().max(1e15).nullish().transform((value) => value ?? null),
});

export const compositeMethodInput = z
  .strictObject({
    effectiveFromYear: fiscalYear.describe('The first fiscal year this method applies to; earlier years keep theirs'),
    normalisation: z.enum(normalisations),
    capAt: z.number().finite().min(0).max(1_000_000).nullish().transform((value) => value ?? null),
    missing: z.enum(missingPolicies).default('renormalise'),
    components: z.array(compositeComponentInput).min(1).max(50),
    explanation: optionalLongText(5_000),
  })
  .meta({ id: 'CompositeMethodCreate' });
export type CompositeMethodInput = z.output<typeof compositeMethodInput>;

export const compositeMethod = z
  .object({
    id: uuid,
    methodVersion: z.int(),
    effectiveFromYear: z.int(),
    normalisation: z.enum(normalisations),
    capAt: z.number().nullable(),
    missing: z.enum(missingPolicies),
    components: z.array(
      z.object({
        indicatorId: uuid,
        name: z.string(),
        weight: z.number(),
        min: z.number().nullable(),
        max: z.number().nullable(),
        mean: z.number().nullable(),
        sd: z.number().nullable(),
      }),
    ),
    explanation: z.string(),
    createdAt: isoDateTime,
    createdBy: person.nullable(),
  })
  .meta({ id: 'CompositeMethod' });

const indicatorFields = {
  nodeId: uuid.nullable().describe('The node it measures; null = the plan itself (基本目標)'),
  position: z.int().min(0).max(100_000),
  code: optionalText(40),
  name: text(300),
  nameEn: optionalText(300),
  unit: optionalText(30),
  direction: z.enum(indicatorDirections),
  periodicity: z.enum(periodicities),
  yearAggregation: z.enum(yearAggregations).describe('How 上期 and 下期 make the year: sum, the last reported, or their mean'),
  decimals: z.int().min(0).max(6),
  minValue: amount.nullable(),
  maxValue: amount.nullable(),
  baselineValue: amount.nullable(),
  baselineYear: fiscalYear.nullable(),
  method: optionalLongText(5_000).describe('How it is measured (算出方法)'),
  source: optionalText(300).describe('Where the value comes from (出典)'),
  metricKey: z.string().max(80).nullable().describe('For computed indicators: the metric source (GET /api/v1/metric-sources)'),
  metricParams: z.record(z.string(), z.unknown()),
  ownerIds: z.array(uuid).max(20),
  weight: z.number().finite().min(0).max(1_000_000),
  externalId: optionalText(100),
};

function checkRange(input: { minValue?: number | null; maxValue?: number | null }, context: z.core.$RefinementCtx) {
  if (input.minValue != null && input.maxValue != null && input.maxValue < input.minValue) {
    context.addIssue({ code: 'custom', path: ['maxValue'], message: 'max_below_min' });
  }
}

export const indicatorCreateInput = z
  .strictObject({
    ...indicatorFields,
    kind: z.enum(indicatorKinds),
    nodeId: indicatorFields.nodeId.default(null),
    position: indicatorFields.position.optional(),
    code: indicatorFields.code.optional().transform((value) => value ?? null),
    nameEn: indicatorFields.nameEn.optional().transform((value) => value ?? null),
    unit: indicatorFields.unit.optional().transform((value) => value ?? null),
    direction: indicatorFields.direction.default('higher'),
    periodicity: indicatorFields.periodicity.default('year'),
    yearAggregation: indicatorFields.yearAggregation.default('sum'),
    decimals: indicatorFields.decimals.default(0),
    minValue: indicatorFields.minValue.default(null),
    maxValue: indicatorFields.maxValue.default(null),
    baselineValue: indicatorFields.baselineValue.default(null),
    baselineYear: indicatorFields.baselineYear.default(null),
    method: indicatorFields.method.optional().transform((value) => value ?? null),
    source: indicatorFields.source.optional().transform((value) => value ?? null),
    metricKey: indicatorFields.metricKey.default(null),
    metricParams: indicatorFields.metricParams.default({}),
    ownerIds: indicatorFields.ownerIds.default([]),
    weight: indicatorFields.weight.default(1),
    externalId: indicatorFields.externalId.optional().transform((value) => value ?? null),
    targets: z
      .array(z.strictObject({ fiscalYear, half: half.default(null), target: amount.nullable() }))
      .max(60)
      .default([])
      .describe('Initial targets per period'),
    compositeMethod: compositeMethodInput.optional().describe('Required for a composite indicator'),
  })
  .superRefine(checkRange)
  .meta({ id: 'IndicatorCreate' });
export type IndicatorCreateInput = z.output<typeof indicatorCreateInput>;

export const indicatorUpdateInput = z
  .strictObject({
    version,
    ...Object.fromEntries(Object.entries(indicatorFields).map(([name, schema]) => [name, schema.optional()])),
  } as { version: typeof version } & { [K in keyof typeof indicatorFields]: z.ZodOptional<(typeof indicatorFields)[K]> })
  .superRefine(checkRange)
  .meta({ id: 'IndicatorUpdate' });
export type IndicatorUpdateInput = z.output<typeof indicatorUpdateInput>;

export const targetRevision = z.object({ target: z.number().nullable(), reason: z.string(), revisedAt: isoDateTime, revisedBy: person.nullable() });

export const indicatorPeriod = z
  .object({
    id: uuid,
    fiscalYear: z.int(),
    half,
    label: z.string().describe('2025（令和7）年度, 2025（令和7）年度 上期'),
    target: z.number().nullable(),
    originalTarget: z.number().nullable().describe('The first target this period had'),
    targetRevised: z.boolean(),
    actual: z.number().nullable().describe('The approved actual (computed/composite: from approved inputs)'),
    live: z.number().nullable().describe('Inside the tenant only: the latest value (computed live, or from the latest inputs)'),
    achievement: z.number().nullable().describe('達成率 of the approved actual against the target, in %'),
    explanation: valueExplanation.nullable(),
    approvedAt: isoDateTime.nullable(),
    locked: z.boolean(),
    dueOn: isoDate.nullable().describe('When actuals for this period are due'),
    latestUpdate: z.object({ id: uuid, status: z.enum(updateStatuses), value: z.number().nullable(), submittedAt: isoDateTime.nullable() }).nullable(),
    version: z.int(),
  })
  .meta({ id: 'IndicatorPeriod' });
export type IndicatorPeriod = z.output<typeof indicatorPeriod>;

export const indicatorSummary = z
  .object({
    id: uuid,
    planId: uuid,
    nodeId: uuid.nullable(),
    position: z.int(),
    code: z.string().nullable(),
    name: z.string(),
    nameEn: z.string().nullable(),
    unit: z.string(),
    direction: z.enum(indicatorDirections),
    kind: z.enum(indicatorKinds),
    periodicity: z.enum(periodicities),
    yearAggregation: z.enum(yearAggregations),
    decimals: z.int(),
    minValue: z.number().nullable(),
    maxValue: z.number().nullable(),
    baselineValue: z.number().nullable(),
    baselineYear: z.int().nullable(),
    method: z.string(),
    source: z.string(),
    metricKey: z.string().nullable(),
    metricParams: z.record(z.string(), z.unknown()),
    owners: z.array(person),
    weight: z.number(),
    externalId: z.string().nullable(),
    periods: z.array(indicatorPeriod),
    updatedAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: 'IndicatorSummary' });
export type IndicatorSummary = z.output<typeof indicatorSummary>;

export const indicatorList = z.object({ items: z.array(indicatorSummary) }).meta({ id: 'IndicatorList' });

export const indicatorDetail = z
  .object({
    ...indicatorSummary.shape,
    node: z.object({ id: uuid, title: z.string(), code: z.string().nullable() }).nullable(),
    revisions: z.array(z.object({ periodId: uuid, ...targetRevision.shape })),
    methods: z.array(compositeMethod).describe('Composite: every method version, newest first'),
    abilities: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), unlock: z.boolean().describe('Reopen a locked period (admins)') }),
  })
  .meta({ id: 'IndicatorDetail' });

export const targetInput = z
  .strictObject({ version, target: amount.nullable(), reason: optionalLongText(1_000) })
  .meta({ id: 'TargetRevisionInput' });

export const periodCreateInput = z
  .strictObject({ fiscalYear, half: half.default(null), target: amount.nullable().default(null) })
  .meta({ id: 'PeriodCreate' });

/* ---------- updates (actuals) ---------- */

export const updateCreateInput = z
  .strictObject({
    value: amount.nullable().describe('Required to submit, except that a computed indicator takes the computed value'),
    narrative: optionalLongText(10_000),
    submit: z.boolean().default(false).describe('Submit at once instead of keeping a draft'),
  })
  .meta({ id: 'IndicatorUpdateCreate' });
export type UpdateCreateInput = z.output<typeof updateCreateInput>;

export const updateEditInput = z
  .strictObject({ version, value: amount.nullable().optional(), narrative: optionalLongText(10_000).optional() })
  .meta({ id: 'IndicatorUpdateEdit' });

export const updateDecisionInput = z.strictObject({ version, comment: optionalLongText(5_000) }).meta({ id: 'IndicatorUpdateDecision' });

export const evidence = z.object({ id: uuid, fileName: z.string(), mediaType: z.string(), sizeBytes: z.int(), uploadedAt: isoDateTime }).meta({ id: 'Evidence' });

export const indicatorUpdate = z
  .object({
    id: uuid,
    periodId: uuid,
    indicatorId: uuid,
    fiscalYear: z.int(),
    half,
    value: z.number().nullable(),
    narrative: z.string(),
    computation: metricExplanation.nullable(),
    status: z.enum(updateStatuses),
    createdBy: person.nullable(),
    submittedAt: isoDateTime.nullable(),
    submittedBy: person.nullable(),
    reviewedAt: isoDateTime.nullable(),
    reviewedBy: person.nullable(),
    reviewComment: z.string(),
    evidence: z.array(evidence),
    abilities: z.object({ edit: z.boolean(), submit: z.boolean(), decide: z.boolean() }),
    createdAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: 'IndicatorUpdate' });
export type IndicatorUpdateBody = z.output<typeof indicatorUpdate>;

export const updateList = z.object({ items: z.array(indicatorUpdate) }).meta({ id: 'IndicatorUpdateList' });

/** An update in the review queue with what a reviewer needs to judge it: the plan, node, indicator and target. */
export const queuedUpdate = indicatorUpdate
  .extend({
    subject: z.object({
      planId: uuid,
      planTitle: z.string(),
      node: z.object({ id: uuid, code: z.string().nullable(), title: z.string() }).nullable().describe('null: an indicator of the plan itself'),
      indicatorName: z.string(),
      unit: z.string(),
      decimals: z.int(),
      periodLabel: z.string(),
      target: z.number().nullable(),
    }),
  })
  .meta({ id: 'QueuedIndicatorUpdate' });
export const updateQueue = z.object({ items: z.array(queuedUpdate) }).meta({ id: 'IndicatorUpdateQueue' });

export const updateQueueQuery = z.strictObject({
  status: z.enum(updateStatuses).optional(),
  planId: uuid.optional(),
  mine: z.enum(['true', 'false']).optional().transform((value) => value === 'true'),
});

export const reportingStatusQuery = z.strictObject({
  fiscalYear: z.coerce.number().pipe(fiscalYear),
  half: z.enum(['1', '2', 'year']).default('year'),
});

export const reportingStatus = z
  .object({
    fiscalYear: z.int(),
    half,
    dueOn: isoDate,
    counts: z.object({ notStarted: z.int(), draft: z.int(), submitted: z.int(), returned: z.int(), approved: z.int(), computed: z.int() }),
    items: z.array(
      z.object({
        indicatorId: uuid,
        indicatorName: z.string(),
        periodId: uuid.nullable(),
        node: z.object({ id: uuid, title: z.string(), code: z.string().nullable() }).nullable(),
        owners: z.array(person),
        status: z.enum(['not_started', 'draft', 'submitted', 'returned', 'approved', 'computed']),
        overdue: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ReportingStatus' });

/* ---------- reviews and committees ---------- */

export const reviewInput = z
  .strictObject({
    nodeId: uuid.nullable(),
    fiscalYear,
    term: z.enum(reviewTerms),
    gradeKey: key,
    comment: optionalLongText(10_000),
    status: z.enum(reviewStatuses).default('draft'),
    version: version.optional().describe('Send the version you read when changing an existing review'),
  })
  .meta({ id: 'ReviewRecord' });
export type ReviewInput = z.output<typeof reviewInput>;

export const review = z
  .object({
    id: uuid,
    nodeId: uuid.nullable(),
    fiscalYear: z.int(),
    term: z.enum(reviewTerms),
    gradeKey: z.string(),
    grade: z.string(),
    comment: z.string(),
    status: z.enum(reviewStatuses),
    reviewedBy: person.nullable(),
    finalisedAt: isoDateTime.nullable(),
    updatedAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: 'Review' });

export const reviewList = z.object({ items: z.array(review) }).meta({ id: 'ReviewList' });
export const reviewQuery = z.strictObject({ fiscalYear: z.coerce.number().pipe(fiscalYear).optional(), nodeId: uuid.optional() });

const meetingFields = { title: text(200), heldOn: isoDate, summary: optionalLongText(20_000), isPublic: z.boolean() };
export const meetingCreateInput = z
  .strictObject({ ...meetingFields, summary: meetingFields.summary.optional().transform((value) => value ?? null), isPublic: meetingFields.isPublic.default(false) })
  .meta({ id: 'MeetingCreate' });
export type MeetingCreateInput = z.output<typeof meetingCreateInput>;
export const meetingUpdateInput = z
  .strictObject({ version, title: meetingFields.title.optional(), heldOn: meetingFields.heldOn.optional(), summary: meetingFields.summary.optional(), isPublic: meetingFields.isPublic.optional() })
  .meta({ id: 'MeetingUpdate' });
export type MeetingUpdateInput = z.output<typeof meetingUpdateInput>;

const opinionFields = { nodeIds: z.array(uuid).max(50), speaker: optionalText(60), body: text(10_000), response: optionalLongText(10_000), position: z.int().min(0).max(10_000) };
export const opinionCreateInput = z
  .strictObject({
    ...opinionFields,
    nodeIds: opinionFields.nodeIds.default([]),
    speaker: opinionFields.speaker.optional().transform((value) => value ?? null),
    response: opinionFields.response.optional().transform((value) => value ?? null),
    position: opinionFields.position.optional(),
  })
  .meta({ id: 'OpinionCreate' });
export type OpinionCreateInput = z.output<typeof opinionCreateInput>;
export const opinionUpdateInput = z
  .strictObject({
    version,
    ...Object.fromEntries(Object.entries(opinionFields).map(([name, schema]) => [name, schema.optional()])),
  } as { version: typeof version } & { [K in keyof typeof opinionFields]: z.ZodOptional<(typeof opinionFields)[K]> })
  .meta({ id: 'OpinionUpdate' });
export type OpinionUpdateInput = z.output<typeof opinionUpdateInput>;

export const opinion = z
  .object({ id: uuid, meetingId: uuid, nodeIds: z.array(uuid), speaker: z.string(), body: z.string(), response: z.string(), position: z.int(), version: z.int() })
  .meta({ id: 'Opinion' });
export const meeting = z
  .object({ id: uuid, planId: uuid, title: z.string(), heldOn: isoDate, summary: z.string(), isPublic: z.boolean(), opinions: z.array(opinion), version: z.int() })
  .meta({ id: 'Meeting' });
export const meetingList = z.object({ items: z.array(meeting) }).meta({ id: 'MeetingList' });

/* ---------- metric sources ---------- */

export const metricSource = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    unit: z.string(),
    params: z.array(z.object({ name: z.string(), description: z.string(), required: z.boolean() })),
    halfYear: z.boolean().describe('Can be computed for 上期/下期 as well as the year'),
  })
  .meta({ id: 'MetricSource' });
export const metricSourceList = z.object({ items: z.array(metricSource) }).meta({ id: 'MetricSourceList' });

/* ---------- dashboard ---------- */

export const planDashboardQuery = z.strictObject({ fiscalYear: z.coerce.number().pipe(fiscalYear).optional() });
export const planDashboard = z
  .object({
    fiscalYear: z.int(),
    fiscalYearLabel: z.string(),
    progress: z.number().nullable(),
    fields: z.array(z.object({ nodeId: uuid, title: z.string(), code: z.string().nullable(), progress: z.number().nullable(), grade: z.string().nullable() })),
    indicators: z.object({ total: z.int(), withTarget: z.int(), achieved: z.int(), onTrack: z.int(), behind: z.int(), noActual: z.int() }),
    reporting: reportingStatus.shape.counts,
    pendingApprovals: z.int(),
  })
  .meta({ id: 'PlanDashboard' });

/* ---------- public 見える化 (no sign-in; approved values only) ---------- */

export const publicPlanSummary = z
  .object({
    id: uuid,
    organisation: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    edition: z.string(),
    startYear: z.int(),
    endYear: z.int(),
    progress: z.number().nullable(),
    publishedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'PublicPlanSummary' });
export const publicPlanList = z.object({ items: z.array(publicPlanSummary) }).meta({ id: 'PublicPlanList' });

export const publicPeriod = indicatorPeriod.omit({ live: true, latestUpdate: true, dueOn: true, version: true }).meta({ id: 'PublicIndicatorPeriod' });
export const publicIndicator = indicatorSummary
  .omit({ owners: true, periods: true, version: true, metricParams: true })
  .extend({ periods: z.array(publicPeriod), methods: z.array(compositeMethod.omit({ createdBy: true })) })
  .meta({ id: 'PublicIndicator' });
export const publicNode = planNode.omit({ owners: true, version: true, externalId: true }).meta({ id: 'PublicPlanNode' });
/** A node as the public plan page's tree shows it; the rest (description, dates, how its progress is computed) is at …/nodes/{nodeId}. */
export const publicNodeSummary = planNode
  .pick({ id: true, parentId: true, depth: true, position: true, code: true, level: true, title: true, titleEn: true, division: true, statusKey: true, weight: true, progress: true })
  .extend({ indicatorCount: z.int() })
  .meta({ id: 'PublicPlanNodeSummary' });
export const publicReview = review.omit({ reviewedBy: true, status: true, version: true }).meta({ id: 'PublicReview' });
export const publicMeeting = meeting.omit({ version: true }).extend({ opinions: z.array(opinion.omit({ version: true })) }).meta({ id: 'PublicMeeting' });

export const publicPlan = z
  .object({
    plan: publicPlanSummary.extend({
      description: z.string(),
      levelNames: z.array(z.string()),
      levelNamesEn: z.array(z.string()),
      rollupMethod: z.enum(rollupMethods),
      statuses: plan.shape.statuses,
      grades: plan.shape.grades,
    }),
    nodes: z.array(publicNodeSummary).describe('Depth-first, in position order. A node in full (description, dates, how its progress is computed): …/nodes/{nodeId}'),
    planIndicatorCount: z.int().describe('Indicators of the plan itself (基本目標), not of a node'),
    explanation: rollupExplanation,
  })
  .meta({ id: 'PublicPlan' });

export const publicIndicatorList = z.object({ items: z.array(publicIndicator) }).meta({ id: 'PublicIndicatorList' });
export const publicReviewList = z.object({ items: z.array(publicReview) }).meta({ id: 'PublicReviewList' });
export const publicMeetingList = z.object({ items: z.array(publicMeeting) }).meta({ id: 'PublicMeetingList' });

/* ---------- import ---------- */

export const planImportResult = z
  .object({
    dryRun: z.boolean(),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    errors: z.array(z.object({ line: z.int(), column: z.string().nullable(), code: z.string(), message: z.string(), value: z.string().optional() })),
  })
  .meta({ id: 'PlanImportResult' });
export type PlanImportResult = z.output<typeof planImportResult>;

/* ---------- annual progress report (年次進捗報告) ---------- */

const annualReportIndicator = z.object({
  id: uuid,
  code: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(indicatorDirections),
  decimals: z.int(),
  baseline: z.object({ value: z.number().nullable(), fiscalYear: z.int().nullable() }),
  target: z.number().nullable(),
  originalTarget: z.number().nullable(),
  actual: z.number().nullable(),
  achievement: z.number().nullable(),
  status: z.enum(['achieved', 'on_track', 'behind', 'no_actual']),
  kind: z.enum(indicatorKinds),
  method: z.string(),
  source: z.string(),
  narrative: z.string(),
});

export const annualReport = z
  .object({
    organisation: z.string(),
    planTitle: z.string(),
    edition: z.string(),
    planPeriodLabel: z.string(),
    fiscalYear: z.int(),
    fiscalYearLabel: z.string(),
    generatedOn: isoDate,
    progress: z.number().nullable(),
    grades: z.array(z.object({ key: z.string(), name: z.string() })),
    planIndicators: z.array(annualReportIndicator),
    sections: z.array(
      z.object({
        nodeId: uuid,
        code: z.string().nullable(),
        level: z.string(),
        depth: z.int(),
        title: z.string(),
        division: z.string().nullable(),
        progress: z.number().nullable(),
        reviews: z.array(z.object({ term: z.enum(reviewTerms), grade: z.string(), comment: z.string() })),
        indicators: z.array(annualReportIndicator),
        milestones: z.object({ planned: z.array(z.string()), achieved: z.array(z.string()) }),
      }),
    ),
  })
  .meta({ id: 'AnnualReport' });
