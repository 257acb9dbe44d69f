import type { z } from 'zod';
import { levelNameAt } from '../../../shared/domain/plans';
import type { compositeMethod, IndicatorSummary, milestone, Plan, PlanNode, review } from '../../../shared/schemas/plan';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import type { EvaluatedIndicator } from './plan-figures';
import type { MethodRow } from './indicators.repository';
import type { MilestoneRow, NodeRow, PlanRow, ReviewRow } from './plans.repository';
import type { rollupTree } from './engine/rollup';

type Rollup = ReturnType<typeof rollupTree>;
type People = Map<string, string>;

export const personOf = (people: People, id: string | null) => (id ? { id, name: people.get(id) ?? '' } : null);
const peopleOf = (people: People, ids: readonly string[]) => ids.map((id) => ({ id, name: people.get(id) ?? '' }));

export function presentPlan(row: PlanRow, extra: { nodeCount: number; indicatorCount: number; progress: number | null; people: People; abilities: Plan['abilities'] }): Plan {
  return {
    id: row.id,
    title: row.title,
    titleEn: row.titleEn,
    edition: row.edition,
    startYear: row.startYear,
    endYear: row.endYear,
    visibility: row.visibility as Plan['visibility'],
    publishedAt: row.publishedAt?.toISOString() ?? null,
    nodeCount: extra.nodeCount,
    indicatorCount: extra.indicatorCount,
    progress: extra.progress,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    description: row.description,
    levelNames: row.levelNames,
    levelNamesEn: row.levelNamesEn,
    rollupMethod: row.rollupMethod as Plan['rollupMethod'],
    statuses: row.statuses.map((status) => ({ key: status.key, name: status.name, nameEn: status.nameEn ?? null, progress: status.progress })),
    grades: row.grades.map((grade) => ({ key: grade.key, name: grade.name, nameEn: grade.nameEn ?? null })),
    reviewers: peopleOf(extra.people, row.reviewerIds),
    firstHalfDue: row.firstHalfDue,
    yearDue: row.yearDue,
    reminderDays: row.reminderDays,
    externalId: row.externalId,
    abilities: extra.abilities,
  };
}

/** What the audit trail keeps of a plan, node or indicator row: its columns but the bookkeeping ones. */
export function auditState<R extends { tenantId: string; createdAt: Date; updatedAt: Date }>(row: R) {
  const { tenantId: _tenant, createdAt: _created, updatedAt: _updated, ...state } = row;
  return state;
}

export function presentNode(row: NodeRow, plan: PlanRow, rollup: Rollup, people: People, indicatorIds: string[]): PlanNode {
  const figure = rollup.nodes.get(row.id);
  return {
    id: row.id,
    planId: row.planId,
    parentId: row.parentId,
    depth: row.depth,
    position: row.position,
    code: row.code,
    level: row.levelName ?? levelNameAt(plan.levelNames, row.depth),
    levelName: row.levelName,
    title: row.title,
    titleEn: row.titleEn,
    description: row.description,
    division: row.division,
    owners: peopleOf(people, row.ownerIds),
    statusKey: row.statusKey,
    progressEntered: row.progress,
    weight: row.weight,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    externalId: row.externalId,
    progress: figure?.progress ?? null,
    explanation: figure?.explanation ?? { kind: 'rollup', source: 'none', inputs: [], missing: [], weightSum: null, normalised: false, statusKey: row.statusKey },
    indicatorIds,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Nodes depth-first in position order (the order a tree is read in). */
export function depthFirst<T extends { id: string; parentId: string | null; position: number; title: string }>(rows: T[]): T[] {
  const children = new Map<string | null, T[]>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.title.localeCompare(b.title, 'ja'));
  const ordered: T[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    ordered.push(next);
    stack.push(...[...(children.get(next.id) ?? [])].reverse());
  }
  return ordered;
}

export function presentIndicator(evaluated: EvaluatedIndicator, people: People): IndicatorSummary {
  const { row } = evaluated;
  return {
    id: row.id,
    planId: row.planId,
    nodeId: row.nodeId,
    position: row.position,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    unit: row.unit,
    direction: row.direction as IndicatorSummary['direction'],
    kind: row.kind as IndicatorSummary['kind'],
    periodicity: row.periodicity as IndicatorSummary['periodicity'],
    yearAggregation: row.yearAggregation as IndicatorSummary['yearAggregation'],
    decimals: row.decimals,
    minValue: row.minValue,
    maxValue: row.maxValue,
    baselineValue: row.baselineValue,
    baselineYear: row.baselineYear,
    method: row.method,
    source: row.source,
    metricKey: row.metricKey,
    metricParams: row.metricParams,
    owners: peopleOf(people, row.ownerIds),
    weight: row.weight,
    externalId: row.externalId,
    periods: evaluated.periods,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentMethod(row: MethodRow, names: Map<string, string>, people: People): z.output<typeof compositeMethod> {
  return {
    id: row.id,
    methodVersion: row.methodVersion,
    effectiveFromYear: row.effectiveFromYear,
    normalisation: row.normalisation as 'target_share',
    capAt: row.capAt,
    missing: row.missing as 'renormalise',
    components: row.components.map((component) => ({
      indicatorId: component.indicatorId,
      name: names.get(component.indicatorId) ?? '',
      weight: component.weight,
      min: component.min ?? null,
      max: component.max ?? null,
      mean: component.mean ?? null,
      sd: component.sd ?? null,
    })),
    explanation: row.explanation,
    createdAt: row.createdAt.toISOString(),
    createdBy: personOf(people, row.createdBy),
  };
}

export function presentMilestone(row: MilestoneRow): z.output<typeof milestone> {
  return {
    id: row.id,
    nodeId: row.nodeId,
    title: row.title,
    plannedYear: row.plannedYear,
    achievedOn: row.achievedOn,
    achievedYear: row.achievedOn ? fiscalYearOf(row.achievedOn) : null,
    note: row.note,
    position: row.position,
    version: row.version,
  };
}

export function presentReview(row: ReviewRow, plan: PlanRow, people: People): z.output<typeof review> {
  return {
    id: row.id,
    nodeId: row.nodeId,
    fiscalYear: row.fiscalYear,
    term: row.term as 'annual',
    gradeKey: row.gradeKey,
    grade: plan.grades.find((grade) => grade.key === row.gradeKey)?.name ?? row.gradeKey,
    comment: row.comment,
    status: row.status as 'draft',
    reviewedBy: personOf(people, row.reviewedBy),
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
