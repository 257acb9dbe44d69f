import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { meeting, MeetingCreateInput, MeetingUpdateInput, OpinionCreateInput, OpinionUpdateInput, ReviewInput } from '../../../shared/schemas/plan';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { conflictOrGone, editablePlan, peopleNames, readablePlan } from './plan-access';
import { planPolicy } from './plans.policy';
import { presentReview } from './plans.presenter';
import * as repository from './plans.repository';
import type { MeetingRow, OpinionRow, PlanRow } from './plans.repository';

type Meeting = z.output<typeof meeting>;

export function presentMeeting(row: MeetingRow, opinions: OpinionRow[]): Meeting {
  return {
    id: row.id,
    planId: row.planId,
    title: row.title,
    heldOn: row.heldOn,
    summary: row.summary,
    isPublic: row.isPublic,
    opinions: opinions
      .filter((opinion) => opinion.meetingId === row.id)
      .map((opinion) => ({ id: opinion.id, meetingId: opinion.meetingId, nodeIds: opinion.nodeIds, speaker: opinion.speaker, body: opinion.body, response: opinion.response, position: opinion.position, version: opinion.version })),
    version: row.version,
  };
}

/** Nodes named by an opinion must be nodes of the meeting's plan. */
async function checkNodes(tx: Db, tenantId: string, plan: PlanRow, nodeIds: string[]) {
  const known = new Set((await repository.listNodes(tx, tenantId, plan.id)).map((node) => node.id));
  const problems = nodeIds.flatMap((id, index) => (known.has(id) ? [] : [{ path: `nodeIds.${index}`, code: 'not_in_plan' }]));
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
}

/**
 * Reviews (半期・年度の評価) per node with a grade from the plan's scale, and committee meetings with the opinions
 * voiced and the nodes they concern. Reviewers and editors grade; editors keep the committee record.
 */
export function createReviewService(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());

  async function meetingWithPlan(tx: Db, actor: Actor, id: string) {
    const found = await repository.findMeeting(tx, actor.tenantId, id);
    if (!found) throw notFound();
    const plan = await readablePlan(tx, actor, found.planId);
    return { meeting: found, plan };
  }

  async function presentOne(tx: Db, actor: Actor, row: MeetingRow) {
    return presentMeeting(row, await repository.listOpinions(tx, actor.tenantId, [row.id]));
  }

  return {
    async list(principal: Principal, planId: string, query: { fiscalYear?: number; nodeId?: string }) {
      return withActor(db, principal, async (tx, actor) => {
        const plan = await readablePlan(tx, actor, planId);
        const rows = await repository.listReviews(tx, actor.tenantId, planId, query);
        const people = await peopleNames(tx, rows.flatMap((row) => (row.reviewedBy ? [row.reviewedBy] : [])));
        return { items: rows.map((row) => presentReview(row, plan, people)) };
      });
    },

    /** One review per node, fiscal year and term: recorded anew or changed (with the version read). */
    async record(principal: Principal, planId: string, input: ReviewInput) {
      return withActor(db, principal, async (tx, actor) => {
        const plan = await readablePlan(tx, actor, planId);
        assertCan(planPolicy.canEdit(actor) || planPolicy.isReviewer(actor, plan));
        const problems: { path: string; code: string; params?: Record<string, number> }[] = [];
        if (!plan.grades.some((grade) => grade.key === input.gradeKey)) problems.push({ path: 'gradeKey', code: 'unknown_grade' });
        if (input.fiscalYear < plan.startYear || input.fiscalYear > plan.endYear) {
          problems.push({ path: 'fiscalYear', code: 'outside_plan_period', params: { from: plan.startYear, to: plan.endYear } });
        }
        if (input.nodeId) {
          const node = await repository.findNode(tx, actor.tenantId, input.nodeId);
          if (!node || node.planId !== planId) problems.push({ path: 'nodeId', code: 'not_in_plan' });
        }
        if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
        const key = { nodeId: input.nodeId, fiscalYear: input.fiscalYear, term: input.term };
        const fields = {
          gradeKey: input.gradeKey,
          comment: input.comment ?? '',
          status: input.status,
          reviewedBy: actor.userId,
          finalisedAt: input.status === 'final' ? now() : null,
        };
        const existing = await repository.findReview(tx, actor.tenantId, planId, key);
        let row;
        if (existing) {
          // Changing a review somebody else saved needs the version read: never overwrite silently.
          if (input.version === undefined || input.version !== existing.version) throw versionConflict(existing.version);
          row = await repository.updateReview(tx, actor.tenantId, existing.id, existing.version, fields);
          if (!row) conflictOrGone(existing);
        } else {
          row = await repository.insertReview(tx, { tenantId: actor.tenantId, id: randomUUID(), planId, ...key, ...fields });
          if (!row) {
            const raced = await repository.findReview(tx, actor.tenantId, planId, key);
            throw versionConflict(raced?.version ?? 1);
          }
        }
        await recordAudit(tx, actor, {
          action: existing ? 'plan_review.updated' : 'plan_review.created',
          entityType: 'plan_review',
          entityId: row.id,
          before: existing ? { gradeKey: existing.gradeKey, comment: existing.comment, status: existing.status } : undefined,
          after: { ...key, gradeKey: row.gradeKey, comment: row.comment, status: row.status },
        });
        const people = await peopleNames(tx, [actor.userId]);
        return presentReview(row, plan, people);
      });
    },

    async meetings(principal: Principal, planId: string) {
      return withActor(db, principal, async (tx, actor) => {
        await readablePlan(tx, actor, planId);
        const rows = await repository.listMeetings(tx, actor.tenantId, planId);
        const opinions = await repository.listOpinions(tx, actor.tenantId, rows.map((row) => row.id));
        return { items: rows.map((row) => presentMeeting(row, opinions)) };
      });
    },

    async createMeeting(principal: Principal, planId: string, input: MeetingCreateInput) {
      return withActor(db, principal, async (tx, actor) => {
        await editablePlan(tx, actor, planId);
        const row = await repository.insertMeeting(tx, { tenantId: actor.tenantId, id: randomUUID(), planId, title: input.title, heldOn: input.heldOn, summary: input.summary ?? '', isPublic: input.isPublic });
        await recordAudit(tx, actor, { action: 'committee_meeting.created', entityType: 'committee_meeting', entityId: row.id, after: input });
        return presentOne(tx, actor, row);
      });
    },

    async updateMeeting(principal: Principal, id: string, input: MeetingUpdateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const { meeting: current } = await meetingWithPlan(tx, actor, id);
        assertCan(planPolicy.canEdit(actor));
        const { version, summary, ...changes } = input;
        const row = await repository.updateMeeting(tx, actor.tenantId, id, version, { ...changes, ...(summary !== undefined ? { summary: summary ?? '' } : {}) });
        if (!row) conflictOrGone(current);
        await recordAudit(tx, actor, { action: 'committee_meeting.updated', entityType: 'committee_meeting', entityId: id, before: current, after: row });
        return presentOne(tx, actor, row);
      });
    },

    async createOpinion(principal: Principal, meetingId: string, input: OpinionCreateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const { meeting: found, plan } = await meetingWithPlan(tx, actor, meetingId);
        assertCan(planPolicy.canEdit(actor));
        await checkNodes(tx, actor.tenantId, plan, input.nodeIds);
        const existing = await repository.listOpinions(tx, actor.tenantId, [meetingId]);
        const row = await repository.insertOpinion(tx, {
          tenantId: actor.tenantId,
          id: randomUUID(),
          meetingId,
          planId: plan.id,
          nodeIds: input.nodeIds,
          speaker: input.speaker ?? '',
          body: input.body,
          response: input.response ?? '',
          position: input.position ?? existing.length,
        });
        await recordAudit(tx, actor, { action: 'committee_opinion.created', entityType: 'committee_opinion', entityId: row.id, after: input });
        return presentOne(tx, actor, found);
      });
    },

    async updateOpinion(principal: Principal, id: string, input: OpinionUpdateInput) {
      return withActor(db, principal, async (tx, actor) => {
        const current = await repository.findOpinion(tx, actor.tenantId, id);
        if (!current) throw notFound();
        const { meeting: found, plan } = await meetingWithPlan(tx, actor, current.meetingId);
        assertCan(planPolicy.canEdit(actor));
        if (input.nodeIds) await checkNodes(tx, actor.tenantId, plan, input.nodeIds);
        const { version, speaker, response, ...changes } = input;
        const row = await repository.updateOpinion(tx, actor.tenantId, id, version, {
          ...changes,
          ...(speaker !== undefined ? { speaker: speaker ?? '' } : {}),
          ...(response !== undefined ? { response: response ?? '' } : {}),
        });
        if (!row) conflictOrGone(current);
        await recordAudit(tx, actor, { action: 'committee_opinion.updated', entityType: 'committee_opinion', entityId: id, before: current, after: row });
        return presentOne(tx, actor, found);
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
