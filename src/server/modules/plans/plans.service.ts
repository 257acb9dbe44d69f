import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { DEFAULT_LEVEL_NAMES, DEFAULT_PLAN_GRADES, DEFAULT_PLAN_STATUSES, planYears } from '../../../shared/domain/plans';
import type {
  MilestoneCreateInput,
  MilestoneUpdateInput,
  NodeCreateInput,
  NodeUpdateInput,
  PlanCreateInput,
  planDashboard,
  planList,
  PlanNode,
  PlanUpdateInput,
  roadmap,
} from '../../../shared/schemas/plan';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { AppError, notFound, throwIfProblems, type FieldProblem } from '../../platform/errors';
import { japanToday } from '../cases/case-rules';
import { membersByIds } from '../cases/cases.repository';
import { periodLabel, periodStanding } from './engine/periods';
import { assertMovable, computeDepths, TreeCycleError } from './engine/graph';
import { abilitiesFor, conflictOrGone, editablePlan, peopleNames, readablePlan } from './plan-access';
import { evaluateIndicators, loadTree, rollupOf } from './plan-figures';
import { planPolicy } from './plans.policy';
import { auditState, depthFirst, presentMilestone, presentNode, presentPlan } from './plans.presenter';
import * as repository from './plans.repository';
import type { NodeRow, PlanRow } from './plans.repository';
import { reportingCounts } from './reporting';


/** Reviewers must be members who can review (not viewers or partners). */
async function checkReviewers(tx: Db, tenantId: string, ids: string[]): Promise<FieldProblem[]> {
  const members = await membersByIds(tx, tenantId, ids);
  return ids.flatMap((id, index) => {
    const member = members.get(id);
    return member && member.role !== 'viewer' && member.role !== 'partner' ? [] : [{ path: `reviewerIds.${index}`, code: 'reviewer_not_member' }];
  });
}

async function checkOwners(tx: Db, tenantId: string, ids: string[]): Promise<FieldProblem[]> {
  const members = await membersByIds(tx, tenantId, ids);
  return ids.flatMap((id, index) => {
    const member = members.get(id);
    return member && member.role !== 'viewer' ? [] : [{ path: `ownerIds.${index}`, code: 'not_a_member' }];
  });
}

/** Statuses and grades still in use may not leave the plan's lists. */
async function checkListsInUse(tx: Db, actor: Actor, current: PlanRow, next: { statuses?: { key: string }[]; grades?: { key: string }[] }): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (next.statuses) {
    const keep = new Set(next.statuses.map((status) => status.key));
    const nodes = await repository.listNodes(tx, actor.tenantId, current.id);
    const dropped = nodes.filter((node) => node.statusKey && !keep.has(node.statusKey));
    if (dropped.length > 0) problems.push({ path: 'statuses', code: 'status_in_use', params: { count: dropped.length } });
  }
  if (next.grades) {
    const keep = new Set(next.grades.map((grade) => grade.key));
    const reviews = await repository.listReviews(tx, actor.tenantId, current.id);
    const dropped = reviews.filter((review) => !keep.has(review.gradeKey));
    if (dropped.length > 0) problems.push({ path: 'grades', code: 'grade_in_use', params: { count: dropped.length } });
  }
  return problems;
}

function checkNodeFields(plan: PlanRow, input: { statusKey?: string | null; startsOn?: string | null; endsOn?: string | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.statusKey && !plan.statuses.some((status) => status.key === input.statusKey)) problems.push({ path: 'statusKey', code: 'unknown_status' });
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) problems.push({ path: 'endsOn', code: 'ends_before_start' });
  return problems;
}

async function codeProblems(tx: Db, tenantId: string, planId: string, fields: { code?: string | null; externalId?: string | null }, ownId: string | null) {
  const nodes = await repository.listNodes(tx, tenantId, planId);
  const problems: FieldProblem[] = [];
  if (fields.code && nodes.some((node) => node.code === fields.code && node.id !== ownId)) problems.push({ path: 'code', code: 'code_taken' });
  if (fields.externalId && nodes.some((node) => node.externalId === fields.externalId && node.id !== ownId)) problems.push({ path: 'externalId', code: 'external_id_taken' });
  return { nodes, problems };
}

/** Plans, their trees and milestones: admins and staff edit, owners and reviewers work in them, the tenant reads. */
export function createPlanService(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());

  async function presentFull(tx: Db, actor: Actor, row: PlanRow) {
    const { nodes, rollup } = await loadTree(tx, actor.tenantId, row);
    const people = await peopleNames(tx, row.reviewerIds);
    const indicatorIds = await repository.indicatorIdsByNode(tx, actor.tenantId, row.id);
    const indicatorCount = [...indicatorIds.values()].reduce((sum, ids) => sum + ids.length, 0);
    return presentPlan(row, { nodeCount: nodes.length, indicatorCount, progress: rollup.plan.progress, people, abilities: abilitiesFor(actor, row) });
  }

  async function presentOneNode(tx: Db, actor: Actor, plan: PlanRow, nodeId: string): Promise<PlanNode> {
    const { nodes, rollup } = await loadTree(tx, actor.tenantId, plan);
    const node = nodes.find((candidate) => candidate.id === nodeId);
    if (!node) throw notFound();
    const people = await peopleNames(tx, node.ownerIds);
    const indicatorIds = await repository.indicatorIdsByNode(tx, actor.tenantId, plan.id);
    return presentNode(node, plan, rollup, people, indicatorIds.get(node.id) ?? []);
  }

  async function nodeWithPlan(tx: Db, actor: Actor, nodeId: string) {
    const node = await repository.findNode(tx, actor.tenantId, nodeId);
    if (!node) throw notFound();
    const plan = await readablePlan(tx, actor, node.planId);
    return { node, plan };
  }

  return {
    async list(principal: Principal): Promise<z.output<typeof planList>> {
      return withActor(db, principal, async (tx, actor) => {
        const rows = await repository.listPlans(tx, actor.tenantId);
        const owned = planPolicy.canReadAll(actor) ? null : await repository.plansOwnedBy(tx, actor.tenantId, actor.userId);
        const visible = rows.filter((row) => !owned || owned.has(row.id));
        const items = [];
        for (const row of visible) {
          const nodes = await repository.listNodes(tx, actor.tenantId, row.id);
          items.push({
            id: row.id,
            title: row.title,
            titleEn: row.titleEn,
            edition: row.edition,
            startYear: row.startYear,
            endYear: row.endYear,
            visibility: row.visibility as 'draft',
            publishedAt: row.publishedAt?.toISOString() ?? null,
            nodeCount: row.nodeCount,
            indicatorCount: row.indicatorCount,
            progress: rollupOf(row, nodes).plan.progress,
            updatedAt: row.updatedAt.toISOString(),
            version: row.version,
          });
        }
        return { items, abilities: { create: planPolicy.canCreate(actor) } };
      });
    },

    async create(principal: Principal, input: PlanCreateInput) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(planPolicy.canCreate(actor));
        throwIfProblems(await checkReviewers(tx, actor.tenantId, input.reviewerIds));
        const id = randomUUID();
        await repository.insertPlan(tx, {
          tenantId: actor.tenantId,
          id,
          title: input.title,
          titleEn: input.titleEn,
          description: input.description ?? '',
          edition: input.edition ?? '',
          startYear: input.startYear,
          endYear: input.endYear,
          levelNames: input.levelNames ?? [...DEFAULT_LEVEL_NAMES],
          levelNamesEn: input.levelNamesEn ?? [],
          rollupMethod: input.rollupMethod,
          statuses: input.statuses ?? DEFAULT_PLAN_STATUSES.map((status) => ({ ...status })),
          grades: input.grades ?? DEFAULT_PLAN_GRADES.map((grade) => ({ ...grade })),
          reviewerIds: input.reviewerIds,
          firstHalfDue: input.firstHalfDue,
          yearDue: input.yearDue,
          reminderDays: input.reminderDays,
          externalId: input.externalId,
        });
        const row = (await repository.findPlan(tx, actor.tenantId, id))!;
        await recordAudit(tx, actor, { action: 'plan.created', entityType: 'plan', entityId: id, after: auditState(row) });
        return presentFull(tx, actor, row);
      });
    },

    async get(principal: Principal, id: string) {
      return withActor(db, principal, async (tx, actor) => presentFull(tx, actor, await readablePlan(tx, actor, id)));
    },

    async update(principal: Principal, id: string, input: PlanUpdateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const current = await editablePlan(tx, actor, id);
        const { version, ...changes } = input;
        const startYear = changes.startYear ?? current.startYear;
        const endYear = changes.endYear ?? current.endYear;
        const problems: FieldProblem[] = [];
        if (endYear < startYear) problems.push({ path: 'endYear', code: 'ends_before_start' });
        if (changes.reviewerIds) problems.push(...(await checkReviewers(tx, actor.tenantId, changes.reviewerIds)));
        problems.push(...(await checkListsInUse(tx, actor, current, changes)));
        throwIfProblems(problems);
        const { description, edition, ...rest } = changes;
        const row = await repository.updatePlan(tx, actor.tenantId, id, version, {
          ...rest,
          ...(description !== undefined ? { description: description ?? '' } : {}),
          ...(edition !== undefined ? { edition: edition ?? '' } : {}),
        } as Partial<repository.PlanInsert>);
        if (!row) conflictOrGone(current);
        await recordAudit(tx, actor, { action: 'plan.updated', entityType: 'plan', entityId: id, before: auditState(current), after: auditState(row) });
        return presentFull(tx, actor, row);
      });
    },

    async setVisibility(principal: Principal, id: string, version: number, visibility: 'public' | 'draft') {
      return withActor(db, principal, async (tx, actor) => {
        const current = await readablePlan(tx, actor, id);
        assertCan(planPolicy.canPublish(actor));
        const row = await repository.updatePlan(tx, actor.tenantId, id, version, {
          visibility,
          publishedAt: visibility === 'public' ? (current.publishedAt ?? now()) : null,
        });
        if (!row) conflictOrGone(current);
        await recordAudit(tx, actor, { action: visibility === 'public' ? 'plan.published' : 'plan.unpublished', entityType: 'plan', entityId: id, before: { visibility: current.visibility }, after: { visibility } });
        return presentFull(tx, actor, row);
      });
    },

    async tree(principal: Principal, id: string) {
      return withActor(db, principal, async (tx, actor) => {
        const row = await readablePlan(tx, actor, id);
        const { nodes, rollup } = await loadTree(tx, actor.tenantId, row);
        const people = await peopleNames(tx, [...row.reviewerIds, ...nodes.flatMap((node) => node.ownerIds)]);
        const indicatorIds = await repository.indicatorIdsByNode(tx, actor.tenantId, row.id);
        const indicatorCount = [...indicatorIds.values()].reduce((sum, ids) => sum + ids.length, 0);
        return {
          plan: presentPlan(row, { nodeCount: nodes.length, indicatorCount, progress: rollup.plan.progress, people, abilities: abilitiesFor(actor, row) }),
          nodes: depthFirst(nodes).map((node) => presentNode(node, row, rollup, people, indicatorIds.get(node.id) ?? [])),
          progress: rollup.plan.progress,
          explanation: rollup.plan.explanation,
          weightWarnings: rollup.weightWarnings,
        };
      });
    },

    async dashboard(principal: Principal, id: string, query: { fiscalYear?: number }): Promise<z.output<typeof planDashboard>> {
      return withActor(db, principal, async (tx, actor) => {
        const row = await readablePlan(tx, actor, id);
        const today = now();
        const current = fiscalYearOf(today);
        const fiscalYear = query.fiscalYear ?? Math.min(Math.max(current, row.startYear), row.endYear);
        const { nodes, rollup } = await loadTree(tx, actor.tenantId, row);
        const evaluated = await evaluateIndicators(tx, actor.tenantId, row, { audience: 'internal', locale: actor.locale });
        const reviews = await repository.listReviews(tx, actor.tenantId, row.id, { fiscalYear });
        const gradeOf = (nodeId: string) => {
          const found = reviews.find((review) => review.nodeId === nodeId && review.term === 'annual') ?? reviews.find((review) => review.nodeId === nodeId);
          return found ? (row.grades.find((grade) => grade.key === found.gradeKey)?.name ?? null) : null;
        };
        const counts = { total: 0, withTarget: 0, achieved: 0, onTrack: 0, behind: 0, noActual: 0 };
        for (const indicator of evaluated) {
          const year = indicator.periods.find((period) => period.fiscalYear === fiscalYear && period.half === null);
          if (!year) continue;
          counts.total += 1;
          if (year.target !== null) counts.withTarget += 1;
          const cls = periodStanding(year.actual, year.target, indicator.row.direction as 'higher' | 'lower');
          if (cls === 'achieved') counts.achieved += 1;
          else if (cls === 'on_track') counts.onTrack += 1;
          else if (cls === 'behind') counts.behind += 1;
          else counts.noActual += 1;
        }
        const reporting = reportingCounts(row, evaluated, { fiscalYear, half: null }, japanToday(today));
        return {
          fiscalYear,
          fiscalYearLabel: periodLabel(fiscalYear, null, actor.locale),
          progress: rollup.plan.progress,
          fields: depthFirst(nodes.filter((node) => node.parentId === null)).map((node) => ({
            nodeId: node.id,
            title: node.title,
            code: node.code,
            progress: rollup.nodes.get(node.id)?.progress ?? null,
            grade: gradeOf(node.id),
          })),
          indicators: counts,
          reporting,
          pendingApprovals: evaluated.reduce((sum, indicator) => sum + indicator.periods.filter((period) => period.latestUpdate?.status === 'submitted').length, 0),
        };
      });
    },

    async createNode(principal: Principal, planId: string, input: NodeCreateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const plan = await editablePlan(tx, actor, planId);
        await repository.lockTree(tx, actor.tenantId, planId);
        const { nodes, problems } = await codeProblems(tx, actor.tenantId, planId, input, null);
        problems.push(...checkNodeFields(plan, input), ...(await checkOwners(tx, actor.tenantId, input.ownerIds)));
        const parent = input.parentId ? nodes.find((node) => node.id === input.parentId) : null;
        if (input.parentId && !parent) problems.push({ path: 'parentId', code: 'unknown_node' });
        throwIfProblems(problems);
        const id = randomUUID();
        const row = {
          tenantId: actor.tenantId,
          id,
          planId,
          parentId: input.parentId,
          depth: parent ? parent.depth + 1 : 0,
          position: input.position ?? (await repository.nextNodePosition(tx, actor.tenantId, planId, input.parentId)),
          code: input.code,
          levelName: input.levelName,
          title: input.title,
          titleEn: input.titleEn,
          description: input.description ?? '',
          division: input.division,
          ownerIds: input.ownerIds,
          statusKey: input.statusKey,
          progress: input.progress,
          weight: input.weight,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          externalId: input.externalId,
        };
        await repository.insertNodes(tx, [row]);
        await repository.touchPlan(tx, actor.tenantId, planId);
        await recordAudit(tx, actor, { action: 'plan_node.created', entityType: 'plan_node', entityId: id, after: row });
        return presentOneNode(tx, actor, plan, id);
      });
    },

    async updateNode(principal: Principal, nodeId: string, input: NodeUpdateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const { node: current, plan } = await nodeWithPlan(tx, actor, nodeId);
        assertCan(planPolicy.canEdit(actor));
        await repository.lockTree(tx, actor.tenantId, plan.id);
        const { version, description, ...changes } = input;
        const { nodes, problems } = await codeProblems(tx, actor.tenantId, plan.id, changes, nodeId);
        problems.push(
          ...checkNodeFields(plan, { statusKey: changes.statusKey, startsOn: changes.startsOn ?? current.startsOn, endsOn: changes.endsOn ?? current.endsOn }),
          ...(changes.ownerIds ? await checkOwners(tx, actor.tenantId, changes.ownerIds) : []),
        );
        const moving = changes.parentId !== undefined && changes.parentId !== current.parentId;
        if (moving && changes.parentId && !nodes.some((node) => node.id === changes.parentId)) problems.push({ path: 'parentId', code: 'unknown_node' });
        throwIfProblems(problems);
        let depths: Map<string, number> | null = null;
        if (moving) {
          const next = changes.parentId ?? null;
          try {
            assertMovable(nodes, nodeId, next);
          } catch (error) {
            if (error instanceof TreeCycleError) throw new AppError('TREE_CYCLE', { fields: [{ path: 'parentId', code: 'tree_cycle' }], details: { path: error.path } });
            throw error;
          }
          depths = computeDepths(nodes.map((node) => (node.id === nodeId ? { ...node, parentId: next } : node)));
        }
        const row = await repository.updateNode(tx, actor.tenantId, nodeId, version, {
          ...changes,
          ...(description !== undefined ? { description: description ?? '' } : {}),
          ...(depths ? { depth: depths.get(nodeId)! } : {}),
          ...(moving && changes.position === undefined ? { position: await repository.nextNodePosition(tx, actor.tenantId, plan.id, changes.parentId ?? null) } : {}),
        });
        if (!row) conflictOrGone(current);
        if (depths) await repository.setDepths(tx, actor.tenantId, [...depths].map(([id, depth]) => ({ id, depth })));
        await repository.touchPlan(tx, actor.tenantId, plan.id);
        await recordAudit(tx, actor, { action: moving ? 'plan_node.moved' : 'plan_node.updated', entityType: 'plan_node', entityId: nodeId, before: auditState(current), after: auditState(row) });
        return presentOneNode(tx, actor, plan, nodeId);
      });
    },

    async deleteNode(principal: Principal, nodeId: string, version: number) {
      return withActor(db, principal, async (tx, actor) => {
        const { node, plan } = await nodeWithPlan(tx, actor, nodeId);
        assertCan(planPolicy.canEdit(actor));
        await repository.lockTree(tx, actor.tenantId, plan.id);
        if (!(await repository.deleteNode(tx, actor.tenantId, nodeId, version))) conflictOrGone(node);
        await repository.touchPlan(tx, actor.tenantId, plan.id);
        await recordAudit(tx, actor, { action: 'plan_node.deleted', entityType: 'plan_node', entityId: nodeId, before: auditState(node) });
      });
    },

    /** The roadmap of an initiative: each child a row, its milestones planned (目標) and achieved (実績) per fiscal year. */
    async roadmap(principal: Principal, nodeId: string): Promise<z.output<typeof roadmap>> {
      return withActor(db, principal, async (tx, actor) => {
        const { node, plan } = await nodeWithPlan(tx, actor, nodeId);
        const nodes = await repository.listNodes(tx, actor.tenantId, plan.id);
        const children = depthFirst(nodes).filter((candidate) => candidate.parentId === nodeId);
        // An initiative without children is its own single row.
        const rows = children.length > 0 ? children : [node];
        const milestones = await repository.listMilestones(tx, actor.tenantId, rows.map((row) => row.id));
        // The plan's years, widened to any milestone outside them (a roadmap drawn before the plan started).
        const milestoneYears = milestones.flatMap((milestone) => [milestone.plannedYear, milestone.achievedOn ? fiscalYearOf(milestone.achievedOn) : null]).filter((year): year is number => year !== null);
        const years = planYears(Math.min(plan.startYear, ...milestoneYears), Math.max(plan.endYear, ...milestoneYears));
        const top = (() => {
          let cursor: NodeRow | undefined = node;
          while (cursor?.parentId) cursor = nodes.find((candidate) => candidate.id === cursor!.parentId);
          return cursor && cursor.id !== node.id ? cursor.title : null;
        })();
        return {
          years: years.map((fiscalYear) => ({ fiscalYear, label: periodLabel(fiscalYear, null, actor.locale) })),
          initiative: { id: node.id, title: node.title, code: node.code, division: node.division, description: node.description, field: top },
          rows: rows.map((row) => {
            const own = milestones.filter((milestone) => milestone.nodeId === row.id).map(presentMilestone);
            return {
              nodeId: row.id,
              title: row.title,
              code: row.code,
              targets: years.map((year) => own.filter((milestone) => milestone.plannedYear === year)),
              actuals: years.map((year) => own.filter((milestone) => milestone.achievedYear === year)),
            };
          }),
        };
      });
    },

    async createMilestone(principal: Principal, nodeId: string, input: MilestoneCreateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const { node, plan } = await nodeWithPlan(tx, actor, nodeId);
        assertCan(planPolicy.canEdit(actor) || planPolicy.canSubmitFor(actor, node.ownerIds));
        throwIfProblems(plannedYearProblems(plan, input.plannedYear));
        const row = await repository.insertMilestone(tx, {
          tenantId: actor.tenantId,
          id: randomUUID(),
          planId: plan.id,
          nodeId,
          title: input.title,
          plannedYear: input.plannedYear,
          achievedOn: input.achievedOn,
          note: input.note ?? '',
          position: input.position ?? 0,
        });
        await recordAudit(tx, actor, { action: 'plan_milestone.created', entityType: 'plan_milestone', entityId: row.id, after: presentMilestone(row) });
        return presentMilestone(row);
      });
    },

    async updateMilestone(principal: Principal, id: string, input: MilestoneUpdateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const current = await repository.findMilestone(tx, actor.tenantId, id);
        if (!current) throw notFound();
        const { node, plan } = await nodeWithPlan(tx, actor, current.nodeId);
        assertCan(planPolicy.canEdit(actor) || planPolicy.canSubmitFor(actor, node.ownerIds));
        if (input.plannedYear !== undefined) throwIfProblems(plannedYearProblems(plan, input.plannedYear));
        const { version, note, ...changes } = input;
        const row = await repository.updateMilestone(tx, actor.tenantId, id, version, { ...changes, ...(note !== undefined ? { note: note ?? '' } : {}) });
        if (!row) conflictOrGone(current);
        await recordAudit(tx, actor, { action: 'plan_milestone.updated', entityType: 'plan_milestone', entityId: id, before: presentMilestone(current), after: presentMilestone(row) });
        return presentMilestone(row);
      });
    },

    async deleteMilestone(principal: Principal, id: string, version: number) {
      return withActor(db, principal, async (tx, actor) => {
        const current = await repository.findMilestone(tx, actor.tenantId, id);
        if (!current) throw notFound();
        const { node } = await nodeWithPlan(tx, actor, current.nodeId);
        assertCan(planPolicy.canEdit(actor) || planPolicy.canSubmitFor(actor, node.ownerIds));
        if (!(await repository.deleteMilestone(tx, actor.tenantId, id, version))) conflictOrGone(current);
        await recordAudit(tx, actor, { action: 'plan_milestone.deleted', entityType: 'plan_milestone', entityId: id, before: presentMilestone(current) });
      });
    },
  };
}

function plannedYearProblems(plan: PlanRow, plannedYear: number | null): FieldProblem[] {
  if (plannedYear === null) return [];
  // A roadmap may start before the plan (seed 002's sketch runs R5–R9 for a plan of R6–R10): one year of slack each side.
  return plannedYear < plan.startYear - 1 || plannedYear > plan.endYear + 1
    ? [{ path: 'plannedYear', code: 'outside_plan_period', params: { from: plan.startYear - 1, to: plan.endYear + 1 } }]
    : [];
}

export type PlanService = ReturnType<typeof createPlanService>;
