import type { z } from 'zod';
import type { compositeExplanation, IndicatorPeriod, valueExplanation } from '../../../shared/schemas/plan';
import type { Db } from '../../db/client';
import type { CompositeComponent } from '../../db/schema';
import type { Locale } from '../../platform/i18n';
import { computeComposite, methodForYear } from './engine/composite';
import { evaluationOrder } from './engine/graph';
import { achievementRate, combineHalves, periodDueOn, periodLabel, periodRange } from './engine/periods';
import { rollupTree } from './engine/rollup';
import * as indicators from './indicators.repository';
import type { IndicatorRow, MethodRow, PeriodFigureRow, UpdateRow } from './indicators.repository';
import { computeMetric } from './metric-sources';
import * as plans from './plans.repository';
import type { NodeRow, PlanRow } from './plans.repository';

type ValueExplanation = z.output<typeof valueExplanation>;
type CompositeExplanation = z.output<typeof compositeExplanation>;

/**
 * A plan's figures, computed in one pass from its rows: the progress roll-up of the tree, and per indicator
 * period the approved actual (computed and composite indicators: from approved inputs), the live value
 * (inside the tenant: computed now from the desk's data, or the index over the latest inputs), the
 * achievement and how each number came about.
 *
 * - internal: everything, live values (computed now, a value submitted and awaiting approval, an index over
 *   those) and each period's latest update;
 * - public: approved values only; nothing live, no updates (drafts never leave the tenant).
 */
export type Audience = 'internal' | 'public';

export interface EvaluatedPeriod extends Omit<IndicatorPeriod, 'label'> {
  label: string;
}

export interface EvaluatedIndicator {
  row: IndicatorRow;
  periods: EvaluatedPeriod[];
}

export async function loadTree(tx: Db, tenantId: string, plan: PlanRow) {
  const nodes = await plans.listNodes(tx, tenantId, plan.id);
  return { nodes, rollup: rollupOf(plan, nodes) };
}

export function rollupOf(plan: PlanRow, nodes: NodeRow[]) {
  const statusProgress = new Map(plan.statuses.map((status) => [status.key, status.progress]));
  return rollupTree(
    nodes.map((node) => ({
      id: node.id,
      parentId: node.parentId,
      title: node.title,
      weight: node.weight,
      progressEntered: node.progress,
      statusKey: node.statusKey,
      statusProgress: node.statusKey ? (statusProgress.get(node.statusKey) ?? null) : null,
    })),
    plan.rollupMethod as 'weighted' | 'average',
  );
}

/** A period as a number (the year, then its halves): map keys for 50,000 periods without building strings. */
const periodKey = (fiscalYear: number, half: number | null) => fiscalYear * 3 + (half ?? 0);

/** Evaluates the indicators of a plan (or the ones named, with whatever their composites need). */
export async function evaluateIndicators(
  tx: Db,
  tenantId: string,
  plan: PlanRow,
  options: { audience: Audience; locale: Locale; indicatorIds?: string[] },
): Promise<EvaluatedIndicator[]> {
  const internal = options.audience === 'internal';
  // One statement at a time: a transaction has one connection (and PGlite one in all).
  const rows = await indicators.listIndicators(tx, tenantId, plan.id);
  const methods = await indicators.listPlanMethods(tx, tenantId, plan.id);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const methodsOf = new Map<string, MethodRow[]>();
  for (const method of methods) methodsOf.set(method.indicatorId, [...(methodsOf.get(method.indicatorId) ?? []), method]);

  // What to evaluate: the indicators asked for and, for composites, their parts (recursively).
  const wanted = new Set<string>();
  const want = (id: string) => {
    if (wanted.has(id) || !byId.has(id)) return;
    wanted.add(id);
    for (const method of methodsOf.get(id) ?? []) for (const component of method.components) want(component.indicatorId);
  };
  for (const id of options.indicatorIds ?? rows.map((row) => row.id)) want(id);

  // Periods, first targets and latest updates of what is evaluated only (all of them for the whole plan).
  const narrowed = options.indicatorIds ? [...wanted] : undefined;
  const periods = await indicators.listPlanPeriods(tx, tenantId, plan.id, narrowed);
  const originals = await indicators.originalTargets(tx, tenantId, plan.id, narrowed);
  const latest = internal ? await indicators.latestUpdates(tx, tenantId, plan.id, narrowed) : new Map<string, UpdateRow>();
  const periodsOf = new Map<string, PeriodFigureRow[]>();
  for (const period of periods) {
    const list = periodsOf.get(period.indicatorId);
    if (list) list.push(period);
    else periodsOf.set(period.indicatorId, [period]);
  }
  // Each indicator's periods in reading order: by year, the year before its halves.
  for (const list of periodsOf.values()) list.sort((a, b) => a.fiscalYear - b.fiscalYear || (a.half ?? 0) - (b.half ?? 0));

  const order = evaluationOrder(
    [...wanted].map((id) => ({ id, componentIds: [...new Set((methodsOf.get(id) ?? []).flatMap((method) => method.components.map((c) => c.indicatorId)))] })),
  );

  /** Values by indicator and period key: the approved one and the live one. */
  const values = new Map<string, Map<number, { actual: number | null; live: number | null; target: number | null }>>();
  // A plan has a score of distinct periods and may have 50,000 indicator periods: label and due date once each.
  const periodFacts = new Map<number, { label: string; dueOn: string }>();
  const factsOf = (fiscalYear: number, half: 1 | 2 | null) => {
    const key = periodKey(fiscalYear, half);
    let facts = periodFacts.get(key);
    if (!facts) {
      facts = { label: periodLabel(fiscalYear, half, options.locale), dueOn: periodDueOn({ fiscalYear, half }, { firstHalfDue: plan.firstHalfDue, yearDue: plan.yearDue }) };
      periodFacts.set(key, facts);
    }
    return facts;
  };
  const evaluated = new Map<string, EvaluatedIndicator>();

  for (const id of order) {
    const row = byId.get(id)!;
    const own = periodsOf.get(id) ?? [];
    // Only an indicator reported by half-years needs its periods by key (its year combines the halves).
    const byKey = row.periodicity === 'half' ? new Map(own.map((period) => [periodKey(period.fiscalYear, period.half), period])) : null;
    const results = new Map<number, { actual: number | null; live: number | null; target: number | null }>();
    const out: EvaluatedPeriod[] = [];
    for (const period of own) {
      let actual = period.actual;
      let live: number | null = null;
      let explanation: ValueExplanation | null = null;
      if (row.kind === 'composite') {
        const method = methodForYear(methodsOf.get(id) ?? [], period.fiscalYear);
        if (method) {
          const approved = compositeFor(method, period, byId, values, 'actual');
          actual = approved.result;
          explanation = approved;
          if (internal) live = compositeFor(method, period, byId, values, 'live').result;
        } else actual = null;
      } else if (row.periodicity === 'half' && period.half === null) {
        const aggregation = row.yearAggregation as 'sum' | 'last' | 'mean';
        const [first, second] = [byKey!.get(periodKey(period.fiscalYear, 1)), byKey!.get(periodKey(period.fiscalYear, 2))];
        const halves = combineHalves(aggregation, first?.actual ?? null, second?.actual ?? null);
        actual = halves.value;
        explanation = halves;
        if (internal && row.kind === 'manual') {
          const latestOf = (half?: PeriodFigureRow) => (half ? (pendingValue(latest.get(half.id)) ?? half.actual) : null);
          const pending = combineHalves(aggregation, latestOf(first), latestOf(second)).value;
          live = pending !== actual ? pending : null;
        }
      } else if (internal && row.kind === 'manual') {
        live = pendingValue(latest.get(period.id));
      }
      if (row.kind === 'computed' && internal && row.metricKey && (row.periodicity === 'half' ? period.half !== null : period.half === null)) {
        const metric = await computeMetric(tx, tenantId, row.metricKey, row.metricParams, periodRange(period.fiscalYear, period.half as 1 | 2 | null));
        live = metric.value;
        explanation = metric;
      }
      results.set(periodKey(period.fiscalYear, period.half), { actual, live, target: period.target });
      const update = latest.get(period.id);
      const original = originals.get(period.id);
      const facts = factsOf(period.fiscalYear, period.half as 1 | 2 | null);
      out.push({
        id: period.id,
        fiscalYear: period.fiscalYear,
        half: period.half as 1 | 2 | null,
        label: facts.label,
        target: period.target,
        originalTarget: original ? original.target : period.target,
        targetRevised: original !== undefined,
        actual,
        live: internal ? live : null,
        achievement: achievementRate(actual, period.target, row.direction as 'higher' | 'lower'),
        explanation,
        approvedAt: period.approvedAt ? period.approvedAt.toISOString() : null,
        locked: period.lockedAt !== null,
        dueOn: facts.dueOn,
        latestUpdate: update ? { id: update.id, status: update.status as 'draft', value: update.value, submittedAt: update.submittedAt ? update.submittedAt.toISOString() : null } : null,
        version: period.version,
      });
    }
    values.set(id, results);
    evaluated.set(id, { row, periods: out });
  }
  const requested = options.indicatorIds ? new Set(options.indicatorIds) : null;
  return rows.filter((row) => wanted.has(row.id) && (!requested || requested.has(row.id))).map((row) => evaluated.get(row.id)!);
}

/** A value submitted and waiting for approval: what the period will show once approved. */
function pendingValue(update: UpdateRow | undefined): number | null {
  return update?.status === 'submitted' ? update.value : null;
}

function compositeFor(
  method: MethodRow,
  period: PeriodFigureRow,
  byId: Map<string, IndicatorRow>,
  values: Map<string, Map<number, { actual: number | null; live: number | null; target: number | null }>>,
  which: 'actual' | 'live',
): CompositeExplanation {
  const key = periodKey(period.fiscalYear, period.half);
  return computeComposite(
    { id: method.id, methodVersion: method.methodVersion, normalisation: method.normalisation as 'target_share', capAt: method.capAt, missing: method.missing as 'renormalise' },
    method.components.map((component: CompositeComponent) => {
      const part = byId.get(component.indicatorId);
      const value = values.get(component.indicatorId)?.get(key);
      const chosen = which === 'live' ? (value?.live ?? value?.actual ?? null) : (value?.actual ?? null);
      return {
        indicatorId: component.indicatorId,
        name: part?.name ?? '',
        weight: component.weight,
        value: chosen,
        target: value?.target ?? null,
        direction: (part?.direction ?? 'higher') as 'higher' | 'lower',
        min: component.min,
        max: component.max,
        mean: component.mean,
        sd: component.sd,
      };
    }),
  );
}
