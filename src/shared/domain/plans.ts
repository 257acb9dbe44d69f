/**
 * Words of the plans module (ADR 0017) shared by server and web: indicator kinds, directions, periods,
 * the update workflow, review terms and the composite-index normalisations.
 */

export const planVisibilities = ['draft', 'public'] as const;
export type PlanVisibility = (typeof planVisibilities)[number];

/** How a parent's progress follows from its children. */
export const rollupMethods = ['weighted', 'average'] as const;
export type RollupMethod = (typeof rollupMethods)[number];

export const indicatorKinds = ['manual', 'computed', 'composite'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const indicatorDirections = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

/** 'year': one value per 年度; 'half': 上期 and 下期 are reported and the year combines them. */
export const periodicities = ['year', 'half'] as const;
export type Periodicity = (typeof periodicities)[number];

export const yearAggregations = ['sum', 'last', 'mean'] as const;
export type YearAggregation = (typeof yearAggregations)[number];

/** 1 = 上期 (April–September), 2 = 下期 (October–March); null = the whole fiscal year. */
export type PeriodHalf = 1 | 2 | null;

export const updateStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export type UpdateStatus = (typeof updateStatuses)[number];

/** The update workflow: who may move an update where is decided by the service (owners submit, reviewers decide). */
export const updateTransitions: Record<UpdateStatus, readonly UpdateStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'returned'],
  returned: ['submitted'],
  approved: [],
};

export const reviewTerms = ['first_half', 'annual'] as const;
export type ReviewTerm = (typeof reviewTerms)[number];

export const reviewStatuses = ['draft', 'final'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/**
 * How a composite index scores each part before weighting:
 * - target_share: achievement of the period's target (達成率), in %; inverted for lower-is-better;
 * - min_max: (value − min) / (max − min) × 100 with bounds fixed in the method;
 * - deviation: 偏差値 = 50 + 10 × (value − mean) / sd with the reference fixed in the method.
 */
export const normalisations = ['target_share', 'min_max', 'deviation'] as const;
export type Normalisation = (typeof normalisations)[number];

export const missingPolicies = ['renormalise', 'require_all'] as const;
export type MissingPolicy = (typeof missingPolicies)[number];

/** Default status list of a new plan (configurable per plan). */
export const DEFAULT_PLAN_STATUSES = [
  { key: 'not_started', name: '未着手', nameEn: 'Not started', progress: 0 },
  { key: 'in_progress', name: '実施中', nameEn: 'In progress', progress: 50 },
  { key: 'done', name: '完了', nameEn: 'Done', progress: 100 },
  { key: 'on_hold', name: '見直し中', nameEn: 'Under review', progress: 0 },
] as const;

/** Default review scale of a new plan, best first. */
export const DEFAULT_PLAN_GRADES = [
  { key: 'on_track', name: '順調', nameEn: 'On track' },
  { key: 'mostly_on_track', name: '概ね順調', nameEn: 'Mostly on track' },
  { key: 'slightly_behind', name: 'やや遅れ', nameEn: 'Slightly behind' },
  { key: 'behind', name: '遅れ', nameEn: 'Behind' },
] as const;

export const DEFAULT_LEVEL_NAMES = ['分野', '取組分野', '取組方針', '事業'] as const;

/** The level name of a node at `depth` (0 = top): deeper nodes than the list reuse its last name. */
export function levelNameAt(levelNames: readonly string[], depth: number): string {
  if (levelNames.length === 0) return '';
  return levelNames[Math.min(depth, levelNames.length - 1)]!;
}

/** The fiscal years of a plan, in order: 2024–2028 → [2024, 2025, 2026, 2027, 2028]. */
export function planYears(startYear: number, endYear: number): number[] {
  return Array.from({ length: endYear - startYear + 1 }, (_, index) => startYear + index);
}
