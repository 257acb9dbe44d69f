import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { planYears, type YearAggregation } from '../../../shared/domain/plans';
import type { CompositeMethodInput, IndicatorCreateInput, indicatorDetail, IndicatorUpdateInput } from '../../../shared/schemas/plan';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { AppError, notFound, throwIfProblems, type FieldProblem } from '../../platform/errors';
import { membersByIds } from '../cases/cases.repository';
import { evaluationOrder, IndicatorCycleError } from './engine/graph';
import { combineHalves } from './engine/periods';
import * as repository from './indicators.repository';
import type { IndicatorRow, PeriodInsert } from './indicators.repository';
import { checkMetricParams, metricSourceCatalogue } from './metric-sources';
import { conflictOrGone, editablePlan, peopleNames, readablePlan } from './plan-access';
import { evaluateIndicators } from './plan-figures';
import { planPolicy } from './plans.policy';
import { auditState, presentIndicator, presentMethod } from './plans.presenter';
import * as plans from './plans.repository';
import type { PlanRow } from './plans.repository';

type IndicatorDetail = z.output<typeof indicatorDetail>;

/** The periods an indicator has from the start: every fiscal year of the plan, and their halves when reported by half. */
export function defaultPeriods(plan: PlanRow, periodicity: string): { fiscalYear: number; half: 1 | 2 | null }[] {
  return planYears(plan.startYear, plan.endYear).flatMap((fiscalYear) =>
    periodicity === 'half' ? [{ fiscalYear, half: null }, { fiscalYear, half: 1 as const }, { fiscalYear, half: 2 as const }] : [{ fiscalYear, half: null }],
  );
}

/**
 * A composite method's components must be other indicators of the same plan, each once, with what the
 * normalisation needs; and the index may not reach itself through them (directly or through other indices).
 */
async function checkMethod(tx: Db, actor: Actor, plan: PlanRow, indicatorId: string, method: CompositeMethodInput, path: string): Promise<void> {
  const problems: FieldProblem[] = [];
  const all = await repository.listIndicators(tx, actor.tenantId, plan.id);
  const known = new Set(all.map((row) => row.id));
  const seen = new Set<string>();
  method.components.forEach((component, index) => {
    const at = `${path}.components.${index}`;
    if (!known.has(component.indicatorId) && component.indicatorId !== indicatorId) problems.push({ path: `${at}.indicatorId`, code: 'unknown_component' });
    if (seen.has(component.indicatorId)) problems.push({ path: `${at}.indicatorId`, code: 'duplicate_component' });
    seen.add(component.indicatorId);
    if (method.normalisation === 'min_max' && (component.min === null || component.max === null || component.max <= component.min)) {
      problems.push({ path: `${at}.max`, code: 'bounds_required' });
    }
    if (method.normalisation === 'deviation' && (component.mean === null || component.sd === null)) problems.push({ path: `${at}.sd`, code: 'reference_required' });
  });
  if (method.components.every((component) => component.weight === 0)) problems.push({ path: `${path}.components`, code: 'weights_all_zero' });
  if (method.effectiveFromYear < plan.startYear || method.effectiveFromYear > plan.endYear) {
    problems.push({ path: `${path}.effectiveFromYear`, code: 'outside_plan_period', params: { from: plan.startYear, to: plan.endYear } });
  }
  throwIfProblems(problems);
  // The whole plan's composite graph with this method added must stay acyclic.
  const methods = await repository.listPlanMethods(tx, actor.tenantId, plan.id);
  const components = new Map<string, Set<string>>();
  for (const row of methods) for (const part of row.components) components.set(row.indicatorId, (components.get(row.indicatorId) ?? new Set()).add(part.indicatorId));
  for (const part of method.components) components.set(indicatorId, (components.get(indicatorId) ?? new Set()).add(part.indicatorId));
  try {
    evaluationOrder([...new Set([...known, indicatorId])].map((id) => ({ id, componentIds: [...(components.get(id) ?? [])] })));
  } catch (error) {
    if (error instanceof IndicatorCycleError) {
      const names = new Map(all.map((row) => [row.id, row.name]));
      throw new AppError('INDICATOR_CYCLE', { params: { cycle: error.cycle.map((id) => names.get(id) ?? id).join(' → ') }, fields: [{ path: `${path}.components`, code: 'indicator_cycle' }], details: { cycleIds: error.cycle } });
    }
    throw error;
  }
}

async function checkDefinition(
  tx: Db,
  actor: Actor,
  plan: PlanRow,
  input: { kind: string; nodeId?: string | null; metricKey?: string | null; metricParams?: Record<string, unknown>; ownerIds?: string[]; externalId?: string | null; baselineYear?: number | null },
  ownId: string | null,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.nodeId) {
    const node = await plans.findNode(tx, actor.tenantId, input.nodeId);
    if (!node || node.planId !== plan.id) problems.push({ path: 'nodeId', code: 'not_in_plan' });
  }
  if (input.kind === 'computed') {
    if (!input.metricKey) problems.push({ path: 'metricKey', code: 'metric_source_required' });
    else problems.push(...checkMetricParams(input.metricKey, input.metricParams ?? {}));
  }
  if (input.ownerIds && input.ownerIds.length > 0) {
    const members = await membersByIds(tx, actor.tenantId, input.ownerIds);
    input.ownerIds.forEach((id, index) => {
      const member = members.get(id);
      if (!member || member.role === 'viewer') problems.push({ path: `ownerIds.${index}`, code: 'not_a_member' });
    });
  }
  if (input.externalId) {
    const all = await repository.listIndicators(tx, actor.tenantId, plan.id);
    if (all.some((row) => row.externalId === input.externalId && row.id !== ownId)) problems.push({ path: 'externalId', code: 'external_id_taken' });
  }
  return problems;
}

/** Indicators: definitions, periods and targets (with every revision kept), locks and composite-method versions. */
export function createIndicatorService(db: Db) {
  async function detail(tx: Db, actor: Actor, plan: PlanRow, id: string): Promise<IndicatorDetail> {
    const [evaluated] = await evaluateIndicators(tx, actor.tenantId, plan, { audience: 'internal', locale: actor.locale, indicatorIds: [id] });
    if (!evaluated) throw notFound();
    const row = evaluated.row;
    const revisions = await repository.listRevisions(tx, actor.tenantId, evaluated.periods.map((period) => period.id));
    const methods = await repository.listMethods(tx, actor.tenantId, [id]);
    const node = row.nodeId ? await plans.findNode(tx, actor.tenantId, row.nodeId) : null;
    const names = new Map((await repository.listIndicators(tx, actor.tenantId, plan.id)).map((candidate) => [candidate.id, candidate.name]));
    const people = await peopleNames(tx, [...row.ownerIds, ...revisions.flatMap((revision) => (revision.revisedBy ? [revision.revisedBy] : [])), ...methods.flatMap((method) => (method.createdBy ? [method.createdBy] : []))]);
    const owners = row.ownerIds.length > 0 ? row.ownerIds : (node?.ownerIds ?? []);
    return {
      ...presentIndicator(evaluated, people),
      node: node ? { id: node.id, title: node.title, code: node.code } : null,
      revisions: revisions.map((revision) => ({
        periodId: revision.periodId,
        target: revision.target,
        reason: revision.reason,
        revisedAt: revision.revisedAt.toISOString(),
        revisedBy: revision.revisedBy ? { id: revision.revisedBy, name: people.get(revision.revisedBy) ?? '' } : null,
      })),
      methods: methods.map((method) => presentMethod(method, names, people)),
      abilities: { edit: planPolicy.canEdit(actor), submit: row.kind !== 'composite' && planPolicy.canSubmitFor(actor, owners), review: planPolicy.isReviewer(actor, plan), unlock: planPolicy.canUnlock(actor) },
    };
  }

  async function indicatorWithPlan(tx: Db, actor: Actor, id: string): Promise<{ row: IndicatorRow; plan: PlanRow }> {
    const row = await repository.findIndicator(tx, actor.tenantId, id);
    if (!row) throw notFound();
    return { row, plan: await readablePlan(tx, actor, row.planId) };
  }

  async function periodWithPlan(tx: Db, actor: Actor, periodId: string) {
    const period = await repository.findPeriod(tx, actor.tenantId, periodId, { forUpdate: true });
    if (!period) throw notFound();
    const { row, plan } = await indicatorWithPlan(tx, actor, period.indicatorId);
    return { period, row, plan };
  }

  return {
    metricSources(principal: Principal) {
      return { items: metricSourceCatalogue(principal.locale) };
    },

    async list(principal: Principal, planId: string) {
      return withActor(db, principal, async (tx, actor) => {
        const plan = await readablePlan(tx, actor, planId);
        const evaluated = await evaluateIndicators(tx, actor.tenantId, plan, { audience: 'internal', locale: actor.locale });
        const people = await peopleNames(tx, evaluated.flatMap(({ row }) => row.ownerIds));
        return { items: evaluated.map((indicator) => presentIndicator(indicator, people)) };
      });
    },

    async get(principal: Principal, id: string) {
      return withActor(db, principal, async (tx, actor) => {
        const { plan } = await indicatorWithPlan(tx, actor, id);
        return detail(tx, actor, plan, id);
      });
    },

    async create(principal: Principal, planId: string, input: IndicatorCreateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const plan = await editablePlan(tx, actor, planId);
        const problems = await checkDefinition(tx, actor, plan, input, null);
        if (input.kind === 'composite' && !input.compositeMethod) problems.push({ path: 'compositeMethod', code: 'composite_method_required' });
        input.targets.forEach((target, index) => {
          if (target.fiscalYear < plan.startYear || target.fiscalYear > plan.endYear) {
            problems.push({ path: `targets.${index}.fiscalYear`, code: 'outside_plan_period', params: { from: plan.startYear, to: plan.endYear } });
          }
          if (target.half !== null && input.periodicity !== 'half') problems.push({ path: `targets.${index}.half`, code: 'half_not_allowed' });
        });
        throwIfProblems(problems);
        const id = randomUUID();
        await repository.insertIndicator(tx, {
          tenantId: actor.tenantId,
          id,
          planId,
          nodeId: input.nodeId,
          position: input.position ?? (await repository.nextIndicatorPosition(tx, actor.tenantId, planId)),
          code: input.code,
          name: input.name,
          nameEn: input.nameEn,
          unit: input.unit ?? '',
          direction: input.direction,
          kind: input.kind,
          periodicity: input.periodicity,
          yearAggregation: input.yearAggregation,
          decimals: input.decimals,
          minValue: input.minValue,
          maxValue: input.maxValue,
          baselineValue: input.baselineValue,
          baselineYear: input.baselineYear,
          method: input.method ?? '',
          source: input.source ?? '',
          metricKey: input.kind === 'computed' ? input.metricKey : null,
          metricParams: input.kind === 'computed' ? input.metricParams : {},
          ownerIds: input.ownerIds,
          weight: input.weight,
          externalId: input.externalId,
        });
        const targets = new Map(input.targets.map((target) => [`${target.fiscalYear}:${target.half}`, target.target]));
        // Reported by half-years: a year given no target of its own takes its halves' targets, combined as its
        // actual will be (sum, last or mean), once both halves have one.
        if (input.periodicity === 'half') {
          for (let year = plan.startYear; year <= plan.endYear; year++) {
            const [first, second] = [targets.get(`${year}:1`), targets.get(`${year}:2`)];
            if (targets.get(`${year}:null`) === undefined && first != null && second != null) {
              targets.set(`${year}:null`, combineHalves(input.yearAggregation as YearAggregation, first, second).value);
            }
          }
        }
        const periods: PeriodInsert[] = defaultPeriods(plan, input.periodicity).map((period) => ({
          tenantId: actor.tenantId,
          id: randomUUID(),
          indicatorId: id,
          fiscalYear: period.fiscalYear,
          half: period.half,
          target: targets.get(`${period.fiscalYear}:${period.half}`) ?? null,
        }));
        await repository.insertPeriods(tx, periods, actor.userId);
        if (input.kind === 'composite' && input.compositeMethod) {
          await checkMethod(tx, actor, plan, id, input.compositeMethod, 'compositeMethod');
          await repository.insertMethod(tx, { tenantId: actor.tenantId, id: randomUUID(), indicatorId: id, methodVersion: 1, ...methodColumns(input.compositeMethod), createdBy: actor.userId });
        }
        await plans.touchPlan(tx, actor.tenantId, planId);
        const row = (await repository.findIndicator(tx, actor.tenantId, id))!;
        await recordAudit(tx, actor, { action: 'indicator.created', entityType: 'indicator', entityId: id, after: { ...auditState(row), targets: input.targets, compositeMethod: input.compositeMethod ?? null } });
        return detail(tx, actor, plan, id);
      });
    },

    async update(principal: Principal, id: string, input: IndicatorUpdateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const { row: current, plan } = await indicatorWithPlan(tx, actor, id);
        assertCan(planPolicy.canEdit(actor));
        const { version, method, source, unit, ...changes } = input;
        const next = { ...current, ...changes };
        const problems = await checkDefinition(tx, actor, plan, { ...next, kind: current.kind }, id);
        if (next.minValue !== null && next.maxValue !== null && next.maxValue < next.minValue) problems.push({ path: 'maxValue', code: 'max_below_min' });
        if (changes.periodicity && changes.periodicity !== current.periodicity) {
          const periods = await repository.listPeriods(tx, actor.tenantId, [id]);
          if (periods.some((period) => period.actual !== null)) problems.push({ path: 'periodicity', code: 'periodicity_has_actuals' });
        }
        throwIfProblems(problems);
        const row = await repository.updateIndicator(tx, actor.tenantId, id, version, {
          ...changes,
          ...(method !== undefined ? { method: method ?? '' } : {}),
          ...(source !== undefined ? { source: source ?? '' } : {}),
          ...(unit !== undefined ? { unit: unit ?? '' } : {}),
          ...(current.kind !== 'computed' ? { metricKey: null, metricParams: {} } : {}),
        });
        if (!row) conflictOrGone(current);
        if (changes.periodicity && changes.periodicity !== current.periodicity) {
          await repository.insertPeriods(
            tx,
            defaultPeriods(plan, changes.periodicity).map((period) => ({ tenantId: actor.tenantId, id: randomUUID(), indicatorId: id, fiscalYear: period.fiscalYear, half: period.half, target: null })),
            actor.userId,
          );
        }
        await plans.touchPlan(tx, actor.tenantId, plan.id);
        await recordAudit(tx, actor, { action: 'indicator.updated', entityType: 'indicator', entityId: id, before: auditState(current), after: auditState(row) });
        return detail(tx, actor, plan, id);
      });
    },

    async remove(principal: Principal, id: string, version: number) {
      return withActor(db, principal, async (tx, actor) => {
        const { row, plan } = await indicatorWithPlan(tx, actor, id);
        assertCan(planPolicy.canEdit(actor));
        const users = (await repository.compositesUsing(tx, actor.tenantId, id)).filter((composite) => composite.id !== id);
        if (users.length > 0) throw new AppError('COMPONENT_IN_USE', { params: { names: users.map((user) => user.name).join('、') }, details: { composites: users } });
        if (!(await repository.deleteIndicator(tx, actor.tenantId, id, version))) conflictOrGone(row);
        await plans.touchPlan(tx, actor.tenantId, plan.id);
        await recordAudit(tx, actor, { action: 'indicator.deleted', entityType: 'indicator', entityId: id, before: auditState(row) });
      });
    },

    async addMethod(principal: Principal, id: string, input: CompositeMethodInput) {
      return withActor(db, principal, async (tx, actor) => {
        const { row, plan } = await indicatorWithPlan(tx, actor, id);
        assertCan(planPolicy.canEdit(actor));
        if (row.kind !== 'composite') throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'kind', code: 'kind_fixed' }] });
        await checkMethod(tx, actor, plan, id, input, 'method');
        const existing = await repository.listMethods(tx, actor.tenantId, [id]);
        const methodVersion = Math.max(0, ...existing.map((method) => method.methodVersion)) + 1;
        const methodId = randomUUID();
        await repository.insertMethod(tx, { tenantId: actor.tenantId, id: methodId, indicatorId: id, methodVersion, ...methodColumns(input), createdBy: actor.userId });
        await plans.touchPlan(tx, actor.tenantId, plan.id);
        await recordAudit(tx, actor, { action: 'composite_method.created', entityType: 'indicator', entityId: id, after: { methodId, methodVersion, ...input } });
        return detail(tx, actor, plan, id);
      });
    },

    async addPeriod(principal: Principal, id: string, input: { fiscalYear: number; half: 1 | 2 | null; target: number | null }) {
      return withActor(db, principal, async (tx, actor) => {
        const { row, plan } = await indicatorWithPlan(tx, actor, id);
        assertCan(planPolicy.canEdit(actor));
        const problems: FieldProblem[] = [];
        if (input.half !== null && row.periodicity !== 'half') problems.push({ path: 'half', code: 'half_not_allowed' });
        if (input.fiscalYear < plan.startYear || input.fiscalYear > plan.endYear) {
          problems.push({ path: 'fiscalYear', code: 'outside_plan_period', params: { from: plan.startYear, to: plan.endYear } });
        }
        throwIfProblems(problems);
        const inserted = await repository.insertPeriods(tx, [{ tenantId: actor.tenantId, id: randomUUID(), indicatorId: id, ...input }], actor.userId);
        if (inserted.length === 0) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'fiscalYear', code: 'period_exists' }] });
        await plans.touchPlan(tx, actor.tenantId, plan.id);
        await recordAudit(tx, actor, { action: 'indicator_period.created', entityType: 'indicator', entityId: id, after: input });
        return detail(tx, actor, plan, id);
      });
    },

    /** A new target for a period; the earlier ones stay in the revision history (the original included). */
    async reviseTarget(principal: Principal, periodId: string, input: { version: number; target: number | null; reason: string | null }) {
      return withActor(db, principal, async (tx, actor) => {
        const { period, row, plan } = await periodWithPlan(tx, actor, periodId);
        assertCan(planPolicy.canEdit(actor));
        if (period.lockedAt) throw new AppError('PERIOD_LOCKED');
        const updated = await repository.updatePeriod(tx, actor.tenantId, periodId, input.version, { target: input.target });
        if (!updated) conflictOrGone(period);
        const history = await repository.listRevisions(tx, actor.tenantId, [periodId]);
        // A period created without a target has no first revision: keep the empty original before the change.
        if (history.length === 0 && period.target === null) {
          await repository.insertRevision(tx, { tenantId: actor.tenantId, id: randomUUID(), periodId, target: null, reason: '', revisedBy: null, revisedAt: period.createdAt });
        }
        await repository.insertRevision(tx, { tenantId: actor.tenantId, id: randomUUID(), periodId, target: input.target, reason: input.reason ?? '', revisedBy: actor.userId });
        await plans.touchPlan(tx, actor.tenantId, plan.id);
        await recordAudit(tx, actor, { action: 'indicator_target.revised', entityType: 'indicator_period', entityId: periodId, before: { target: period.target }, after: { target: input.target, reason: input.reason } });
        return detail(tx, actor, plan, row.id);
      });
    },

    async setLocked(principal: Principal, periodId: string, version: number, locked: boolean) {
      return withActor(db, principal, async (tx, actor) => {
        const { period, row, plan } = await periodWithPlan(tx, actor, periodId);
        assertCan(locked ? planPolicy.canEdit(actor) : planPolicy.canUnlock(actor));
        const updated = await repository.updatePeriod(tx, actor.tenantId, periodId, version, locked ? { lockedAt: new Date(), lockedBy: actor.userId } : { lockedAt: null, lockedBy: null });
        if (!updated) conflictOrGone(period);
        await recordAudit(tx, actor, { action: locked ? 'indicator_period.locked' : 'indicator_period.unlocked', entityType: 'indicator_period', entityId: periodId });
        return detail(tx, actor, plan, row.id);
      });
    },
  };
}

function methodColumns(input: CompositeMethodInput) {
  return {
    effectiveFromYear: input.effectiveFromYear,
    normalisation: input.normalisation,
    capAt: input.capAt,
    missing: input.missing,
    components: input.components.map((component) => ({ ...component })),
    explanation: input.explanation ?? '',
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;
