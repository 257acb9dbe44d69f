import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { updateTransitions, type UpdateStatus } from '../../../shared/domain/plans';
import type { indicatorUpdate, queuedUpdate, reportingStatus, UpdateCreateInput } from '../../../shared/schemas/plan';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { AppError, notFound } from '../../platform/errors';
import { translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { japanToday } from '../cases/case-rules';
import { membersByIds } from '../cases/cases.repository';
import { periodLabel, periodRange } from './engine/periods';
import { sniffEvidenceType } from './evidence';
import * as repository from './indicators.repository';
import type { EvidenceMeta, IndicatorRow, PeriodRow, UpdateRow } from './indicators.repository';
import { computeMetric } from './metric-sources';
import { conflictOrGone, peopleNames, readablePlan } from './plan-access';
import { evaluateIndicators } from './plan-figures';
import { planPolicy } from './plans.policy';
import { personOf } from './plans.presenter';
import * as plans from './plans.repository';
import type { NodeRow, PlanRow } from './plans.repository';
import { reportingStatusOf } from './reporting';

type UpdateBody = z.output<typeof indicatorUpdate>;

interface ContextReads {
  period: (id: string, lock: boolean) => Promise<PeriodRow | null>;
  indicator: (id: string) => Promise<IndicatorRow | null>;
  plan: (id: string) => Promise<PlanRow>;
  node: (id: string) => Promise<NodeRow | null>;
}

function directReads(tx: Db, actor: Actor): ContextReads {
  return {
    period: (id, lock) => repository.findPeriod(tx, actor.tenantId, id, { forUpdate: lock }),
    indicator: (id) => repository.findIndicator(tx, actor.tenantId, id),
    plan: (id) => readablePlan(tx, actor, id),
    node: (id) => plans.findNode(tx, actor.tenantId, id),
  };
}

/** The same reads, each id read once (a queue of 200 updates of a few indicators). */
function memoised(reads: ContextReads): ContextReads {
  const memo = <V>(read: (id: string) => Promise<V>) => {
    const seen = new Map<string, Promise<V>>();
    return (id: string) => {
      let value = seen.get(id);
      if (!value) {
        value = read(id);
        seen.set(id, value);
      }
      return value;
    };
  };
  return { period: reads.period, indicator: memo(reads.indicator), plan: memo(reads.plan), node: memo(reads.node) };
}

/** Whether the value fits the indicator: its range and its decimals. Problems are reported on `value`. */
function valueProblems(row: IndicatorRow, value: number | null): { path: string; code: string; params?: Record<string, string | number> }[] {
  if (value === null) return [];
  if ((row.minValue !== null && value < row.minValue) || (row.maxValue !== null && value > row.maxValue)) {
    return [{ path: 'value', code: 'value_out_of_range', params: { min: row.minValue ?? '−∞', max: row.maxValue ?? '∞' } }];
  }
  const decimals = (String(value).split('.')[1] ?? '').length;
  if (!String(value).includes('e') && decimals > row.decimals) return [{ path: 'value', code: 'too_many_decimals', params: { decimals: row.decimals } }];
  return [];
}

/** Which periods take reported actuals: the year for yearly indicators, the halves for half-yearly ones. */
function reportablePeriodProblem(row: IndicatorRow, period: PeriodRow) {
  if (row.kind === 'composite') return { path: 'indicator', code: 'composite_not_reported' };
  if (row.periodicity === 'half' && period.half === null) return { path: 'period', code: 'year_from_halves' };
  if (row.periodicity === 'year' && period.half !== null) return { path: 'period', code: 'half_not_allowed' };
  return null;
}

/**
 * Updates to actuals (ADR 0017): an owner reports a value with a narrative and evidence, submits it, and a
 * reviewer approves it (its value becomes the period's actual) or returns it with a comment. Each step keeps
 * who and when; nobody approves their own submission; a locked period takes nothing. Reviewers are told of a
 * submission and the submitter of the decision, by mail after commit.
 */
export function createUpdateService(db: Db, config: { publicUrl: string }, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());

  /** What an update hangs on. `reads` lets a list (the queue) read each indicator, plan and node once. */
  async function context(tx: Db, actor: Actor, periodId: string, lock = false, reads: ContextReads = directReads(tx, actor)) {
    const period = await reads.period(periodId, lock);
    if (!period) throw notFound();
    const row = await reads.indicator(period.indicatorId);
    if (!row) throw notFound();
    const plan = await reads.plan(row.planId);
    const node = row.nodeId ? await reads.node(row.nodeId) : null;
    const owners = row.ownerIds.length > 0 ? row.ownerIds : (node?.ownerIds ?? []);
    return { period, row, plan, node, owners };
  }

  type Presentable = { update: UpdateRow; ctx: { period: PeriodRow; plan: PlanRow; owners: string[] } };

  /** Updates as the API shows them; their evidence and the people they name read once for all. */
  async function presentAll(tx: Db, actor: Actor, items: Presentable[]): Promise<UpdateBody[]> {
    const evidence = await repository.listEvidence(tx, actor.tenantId, items.map(({ update }) => update.id));
    const people = await peopleNames(tx, [...new Set(items.flatMap(({ update }) => [update.createdBy, update.submittedBy, update.reviewedBy]).filter((id): id is string => id !== null))]);
    return items.map(({ update, ctx }) => presentOne(actor, update, ctx, evidence.filter((item) => item.updateId === update.id), people));
  }

  async function present(tx: Db, actor: Actor, update: UpdateRow, ctx: Presentable['ctx']): Promise<UpdateBody> {
    return (await presentAll(tx, actor, [{ update, ctx }]))[0]!;
  }

  function presentOne(actor: Actor, update: UpdateRow, ctx: Presentable['ctx'], evidence: EvidenceMeta[], people: Map<string, string>): UpdateBody {
    const open = update.status === 'draft' || update.status === 'returned';
    const mayWork = planPolicy.canSubmitFor(actor, ctx.owners) && !ctx.period.lockedAt;
    return {
      id: update.id,
      periodId: update.periodId,
      indicatorId: update.indicatorId,
      fiscalYear: ctx.period.fiscalYear,
      half: ctx.period.half as 1 | 2 | null,
      value: update.value,
      narrative: update.narrative,
      computation: (update.computation as UpdateBody['computation']) ?? null,
      status: update.status as UpdateStatus,
      createdBy: personOf(people, update.createdBy),
      submittedAt: update.submittedAt?.toISOString() ?? null,
      submittedBy: personOf(people, update.submittedBy),
      reviewedAt: update.reviewedAt?.toISOString() ?? null,
      reviewedBy: personOf(people, update.reviewedBy),
      reviewComment: update.reviewComment,
      evidence: evidence.map((item) => ({ id: item.id, fileName: item.fileName, mediaType: item.mediaType, sizeBytes: item.sizeBytes, uploadedAt: item.uploadedAt.toISOString() })),
      abilities: {
        edit: open && mayWork,
        submit: open && mayWork,
        decide: update.status === 'submitted' && planPolicy.isReviewer(actor, ctx.plan) && update.submittedBy !== actor.userId && !ctx.period.lockedAt,
      },
      createdAt: update.createdAt.toISOString(),
      version: update.version,
    };
  }

  /** Mails after a submission (to the reviewers) or a decision (to the submitter); delivered after commit. */
  async function notify(tx: Db, actor: Actor, kind: 'submitted' | 'approved' | 'returned', update: UpdateRow, ctx: { row: IndicatorRow; period: PeriodRow; plan: PlanRow }) {
    const t = translator('ja', 'mail');
    const recipients = kind === 'submitted' ? ctx.plan.reviewerIds.filter((id) => id !== actor.userId) : update.submittedBy && update.submittedBy !== actor.userId ? [update.submittedBy] : [];
    const members = await membersByIds(tx, actor.tenantId, [...recipients, actor.userId]);
    const common = {
      plan: ctx.plan.title,
      indicator: ctx.row.name,
      period: periodLabel(ctx.period.fiscalYear, ctx.period.half as 1 | 2 | null, 'ja'),
      value: update.value === null ? '—' : `${update.value}${ctx.row.unit}`,
      url: `${config.publicUrl}/plans/${ctx.plan.id}/indicators/${ctx.row.id}`,
    };
    for (const id of recipients) {
      const person = members.get(id);
      if (!person) continue;
      const template = kind === 'submitted' ? 'planUpdateSubmitted' : 'planUpdateDecided';
      const decision = kind === 'submitted' ? '' : t(`updateDecisions.${kind}`);
      await enqueueMail(tx, {
        tenantId: actor.tenantId,
        recipientUserId: id,
        to: person.email,
        template,
        subject: t(`${template}.subject`, { ...common, decision }),
        bodyText: t(`${template}.body`, { ...common, decision, name: person.name, actor: members.get(actor.userId)?.name ?? '', comment: update.reviewComment || '—' }),
      });
    }
  }

  async function loadUpdate(tx: Db, actor: Actor, id: string) {
    const update = await repository.findUpdate(tx, actor.tenantId, id, { forUpdate: true });
    if (!update) throw notFound();
    const ctx = await context(tx, actor, update.periodId, true);
    return { update, ctx };
  }

  return {
    async listForPeriod(principal: Principal, periodId: string) {
      return withActor(db, principal, async (tx, actor) => {
        const ctx = await context(tx, actor, periodId);
        const rows = await repository.listUpdates(tx, actor.tenantId, { periodId });
        return { items: await presentAll(tx, actor, rows.map((update) => ({ update, ctx }))) };
      });
    },

    async queue(principal: Principal, query: { status?: UpdateStatus; planId?: string; mine: boolean }) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(actor.role !== 'viewer' && actor.role !== 'partner' ? true : query.mine);
        const rows = await repository.listUpdates(tx, actor.tenantId, { status: query.status, planId: query.planId, userId: query.mine ? actor.userId : undefined });
        // Every period in one read; each indicator, plan and node once (a queue of 200 updates of a few indicators).
        const periods = new Map((await repository.findPeriods(tx, actor.tenantId, rows.map((row) => row.periodId))).map((period) => [period.id, period]));
        const reads: ContextReads = { ...memoised(directReads(tx, actor)), period: async (id) => periods.get(id) ?? null };
        const found: (Presentable & { ctx: Awaited<ReturnType<typeof context>> })[] = [];
        for (const update of rows) {
          try {
            found.push({ update, ctx: await context(tx, actor, update.periodId, false, reads) });
          } catch (error) {
            // A plan the actor may not read (a partner's view) is left out of the queue.
            if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
          }
        }
        const bodies = await presentAll(tx, actor, found);
        const items: z.output<typeof queuedUpdate>[] = found.map(({ ctx }, index) => ({
          ...bodies[index]!,
          subject: {
            planId: ctx.plan.id,
            planTitle: ctx.plan.title,
            node: ctx.node ? { id: ctx.node.id, code: ctx.node.code, title: ctx.node.title } : null,
            indicatorName: ctx.row.name,
            unit: ctx.row.unit,
            decimals: ctx.row.decimals,
            periodLabel: periodLabel(ctx.period.fiscalYear, ctx.period.half as 1 | 2 | null, actor.locale),
            target: ctx.period.target,
          },
        }));
        return { items };
      });
    },

    async create(principal: Principal, periodId: string, input: UpdateCreateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const ctx = await context(tx, actor, periodId, true);
        assertCan(planPolicy.canSubmitFor(actor, ctx.owners));
        if (ctx.period.lockedAt) throw new AppError('PERIOD_LOCKED');
        const wrongPeriod = reportablePeriodProblem(ctx.row, ctx.period);
        if (wrongPeriod) throw new AppError('VALIDATION_FAILED', { fields: [wrongPeriod] });
        const open = await repository.openUpdateOf(tx, actor.tenantId, periodId);
        if (open) throw new AppError('DUPLICATE', { details: { updateId: open.id, status: open.status } });
        let value = input.value;
        let computation: Record<string, unknown> | null = null;
        if (ctx.row.kind === 'computed' && ctx.row.metricKey) {
          const metric = await computeMetric(tx, actor.tenantId, ctx.row.metricKey, ctx.row.metricParams, periodRange(ctx.period.fiscalYear, ctx.period.half as 1 | 2 | null));
          value = metric.value;
          computation = metric;
        }
        const problems = valueProblems(ctx.row, value);
        if (input.submit && value === null) problems.push({ path: 'value', code: 'value_required' });
        if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
        const at = now();
        const update = await repository.insertUpdate(tx, {
          tenantId: actor.tenantId,
          id: randomUUID(),
          periodId,
          indicatorId: ctx.row.id,
          value,
          narrative: input.narrative ?? '',
          computation,
          status: input.submit ? 'submitted' : 'draft',
          createdBy: actor.userId,
          ...(input.submit ? { submittedAt: at, submittedBy: actor.userId } : {}),
        });
        await recordAudit(tx, actor, { action: input.submit ? 'indicator_update.submitted' : 'indicator_update.created', entityType: 'indicator_update', entityId: update.id, after: { periodId, value, narrative: update.narrative, status: update.status } });
        if (input.submit) await notify(tx, actor, 'submitted', update, ctx);
        return present(tx, actor, update, ctx);
      });
    },

    async edit(principal: Principal, id: string, input: { version: number; value?: number | null; narrative?: string | null }) {
      return withActor(db, principal, async (tx, actor) => {
        const { update, ctx } = await loadUpdate(tx, actor, id);
        assertCan(planPolicy.canSubmitFor(actor, ctx.owners));
        if (ctx.period.lockedAt) throw new AppError('PERIOD_LOCKED');
        if (update.status !== 'draft' && update.status !== 'returned') throw new AppError('INVALID_TRANSITION', { params: { status: update.status } });
        // A computed indicator's value is what the source gives; only its narrative is written by people.
        const value = ctx.row.kind === 'computed' ? update.value : input.value === undefined ? update.value : input.value;
        const problems = valueProblems(ctx.row, value);
        if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
        const changed = await repository.changeUpdate(tx, actor.tenantId, id, input.version, {
          value,
          ...(input.narrative !== undefined ? { narrative: input.narrative ?? '' } : {}),
        });
        if (!changed) conflictOrGone(update);
        await recordAudit(tx, actor, { action: 'indicator_update.updated', entityType: 'indicator_update', entityId: id, before: { value: update.value, narrative: update.narrative }, after: { value: changed.value, narrative: changed.narrative } });
        return present(tx, actor, changed, ctx);
      });
    },

    async decide(principal: Principal, id: string, action: 'submit' | 'approve' | 'return', input: { version: number; comment: string | null }) {
      return withActor(db, principal, async (tx, actor) => {
        const { update, ctx } = await loadUpdate(tx, actor, id);
        const target: UpdateStatus = action === 'submit' ? 'submitted' : action === 'approve' ? 'approved' : 'returned';
        if (action === 'submit') assertCan(planPolicy.canSubmitFor(actor, ctx.owners));
        else {
          assertCan(planPolicy.isReviewer(actor, ctx.plan));
          if (update.submittedBy === actor.userId) throw new AppError('SELF_APPROVAL');
        }
        if (ctx.period.lockedAt) throw new AppError('PERIOD_LOCKED');
        if (update.version !== input.version) conflictOrGone(update);
        if (!updateTransitions[update.status as UpdateStatus].includes(target)) throw new AppError('INVALID_TRANSITION', { params: { status: update.status } });
        if (action === 'submit' && update.value === null) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'value', code: 'value_required' }] });
        const at = now();
        const changed = await repository.changeUpdate(tx, actor.tenantId, id, input.version, {
          status: target,
          ...(action === 'submit' ? { submittedAt: at, submittedBy: actor.userId } : { reviewedAt: at, reviewedBy: actor.userId, reviewComment: input.comment ?? '' }),
        });
        if (!changed) conflictOrGone(update);
        if (action === 'approve') {
          await repository.updatePeriod(tx, actor.tenantId, ctx.period.id, null, { actual: changed.value, actualUpdateId: changed.id, approvedAt: at });
          await plans.touchPlan(tx, actor.tenantId, ctx.plan.id);
        }
        await recordAudit(tx, actor, {
          action: `indicator_update.${target}`,
          entityType: 'indicator_update',
          entityId: id,
          before: { status: update.status },
          after: { status: target, comment: input.comment, ...(action === 'approve' ? { periodId: ctx.period.id, actual: changed.value, previousActual: ctx.period.actual } : {}) },
        });
        await notify(tx, actor, target === 'submitted' ? 'submitted' : (target as 'approved' | 'returned'), changed, ctx);
        return present(tx, actor, changed, { ...ctx, period: (await repository.findPeriod(tx, actor.tenantId, ctx.period.id))! });
      });
    },

    async attachEvidence(principal: Principal, id: string, file: { fileName: string; bytes: Buffer }) {
      return withActor(db, principal, async (tx, actor) => {
        const { update, ctx } = await loadUpdate(tx, actor, id);
        assertCan(planPolicy.canSubmitFor(actor, ctx.owners));
        if (update.status !== 'draft' && update.status !== 'returned') throw new AppError('INVALID_TRANSITION', { params: { status: update.status } });
        const mediaType = await sniffEvidenceType(file.bytes, file.fileName);
        if (!mediaType) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { fields: [{ path: 'file', code: 'file_type_not_allowed' }] });
        const evidenceId = randomUUID();
        const meta = { id: evidenceId, fileName: file.fileName.normalize('NFC').slice(0, 200), mediaType, sizeBytes: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex') };
        await repository.insertEvidence(tx, { tenantId: actor.tenantId, updateId: id, ...meta, contentBase64: file.bytes.toString('base64'), uploadedBy: actor.userId });
        await recordAudit(tx, actor, { action: 'indicator_evidence.added', entityType: 'indicator_update', entityId: id, after: meta });
        return present(tx, actor, update, ctx);
      });
    },

    async downloadEvidence(principal: Principal, id: string, evidenceId: string) {
      return withActor(db, principal, async (tx, actor) => {
        const update = await repository.findUpdate(tx, actor.tenantId, id);
        if (!update) throw notFound();
        await context(tx, actor, update.periodId);
        const found = await repository.findEvidence(tx, actor.tenantId, id, evidenceId);
        if (!found) throw notFound();
        return { fileName: found.fileName, mediaType: found.mediaType, bytes: Buffer.from(found.contentBase64, 'base64') };
      });
    },

    async removeEvidence(principal: Principal, id: string, evidenceId: string) {
      return withActor(db, principal, async (tx, actor) => {
        const { update, ctx } = await loadUpdate(tx, actor, id);
        assertCan(planPolicy.canSubmitFor(actor, ctx.owners));
        if (update.status !== 'draft' && update.status !== 'returned') throw new AppError('INVALID_TRANSITION', { params: { status: update.status } });
        if (!(await repository.deleteEvidence(tx, actor.tenantId, id, evidenceId))) throw notFound();
        await recordAudit(tx, actor, { action: 'indicator_evidence.removed', entityType: 'indicator_update', entityId: id, before: { evidenceId } });
        return present(tx, actor, update, ctx);
      });
    },

    async reportingStatus(principal: Principal, planId: string, query: { fiscalYear: number; half: '1' | '2' | 'year' }): Promise<z.output<typeof reportingStatus>> {
      return withActor(db, principal, async (tx, actor) => {
        const plan = await readablePlan(tx, actor, planId);
        assertCan(actor.role !== 'partner');
        const evaluated = await evaluateIndicators(tx, actor.tenantId, plan, { audience: 'internal', locale: actor.locale });
        const half = query.half === 'year' ? null : (Number(query.half) as 1 | 2);
        return reportingStatusOf(tx, actor.tenantId, plan, evaluated, { fiscalYear: query.fiscalYear, half }, japanToday(now()));
      });
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
