import { randomUUID } from 'node:crypto';
import type { Activity, ActivityCreateInput, ActivityUpdateInput } from '../../../shared/schemas/case';
import type { ActivityChannel } from '../../../shared/domain/desk';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { notFound, versionConflict } from '../../platform/errors';
import * as activities from './activities.repository';
import type { ActivityRow } from './activities.repository';
import { activityDate, isInFuture } from './case-rules';
import { checkPeople, refreshSearchText, rolesFor, throwIfProblems, type FieldProblem } from './case-checks';
import { casePolicy } from './cases.policy';
import * as cases from './cases.repository';
import type { CaseRow } from './cases.repository';

export function presentActivity(row: ActivityRow, people: Map<string, string>): Activity {
  const person = (id: string) => ({ id, name: people.get(id) ?? '' });
  return {
    id: row.id,
    caseId: row.caseId,
    occurredAt: row.occurredAt.toISOString(),
    occurredOn: row.occurredOn,
    fiscalYear: row.fiscalYear,
    channel: row.channel as ActivityChannel,
    minutes: row.minutes,
    preparationMinutes: row.preparationMinutes,
    travelMinutes: row.travelMinutes,
    staff: row.staffIds.map(person),
    experts: row.expertIds.map(person),
    notes: row.notes,
    reportable: row.reportable,
    programmeId: row.programmeId,
    externalRef: row.externalRef,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function auditStateOf(row: ActivityRow) {
  const { tenantId: _tenant, createdAt: _created, updatedAt: _updated, version: _version, ...state } = row;
  return { ...state, occurredAt: row.occurredAt.toISOString() };
}

type ActivityState = ActivityCreateInput;

/** Rules an activity must meet beyond its shape: not in the future, not before the case, people and programme that exist. */
async function checkActivity(tx: Db, actor: Actor, subject: CaseRow, state: ActivityState, prefix = ''): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const occurredAt = new Date(state.occurredAt);
  if (isInFuture(occurredAt)) problems.push({ path: `${prefix}occurredAt`, code: 'in_future' });
  if (activityDate(occurredAt).occurredOn < subject.openedOn) problems.push({ path: `${prefix}occurredAt`, code: 'before_opened' });
  problems.push(
    ...(await checkPeople(tx, actor.tenantId, [
      ...state.staffIds.map((userId, index) => ({ path: `${prefix}staffIds.${index}`, userId, allowed: rolesFor.staff })),
      ...state.expertIds.map((userId, index) => ({ path: `${prefix}expertIds.${index}`, userId, allowed: rolesFor.expert })),
    ])),
  );
  if (state.programmeId && !(await activities.programmeExists(tx, actor.tenantId, state.programmeId))) {
    problems.push({ path: `${prefix}programmeId`, code: 'programme_unknown' });
  }
  return problems;
}

function columnsOf(state: ActivityState) {
  return {
    occurredAt: new Date(state.occurredAt),
    ...activityDate(state.occurredAt),
    channel: state.channel,
    minutes: state.minutes,
    preparationMinutes: state.preparationMinutes,
    travelMinutes: state.travelMinutes,
    staffIds: [...new Set(state.staffIds)],
    expertIds: [...new Set(state.expertIds)],
    notes: state.notes,
    reportable: state.reportable,
    programmeId: state.programmeId,
  };
}

/**
 * Records an activity on a case in the caller's transaction (the intake's first activity uses it too).
 * `prefix` places field errors under the caller's input (e.g. "firstActivity.").
 */
export async function addActivity(
  tx: Db,
  actor: Actor,
  subject: CaseRow,
  state: ActivityState,
  options: { prefix?: string; externalRef?: string | null; skipChecks?: boolean } = {},
): Promise<ActivityRow> {
  if (!options.skipChecks) throwIfProblems(await checkActivity(tx, actor, subject, state, options.prefix));
  const now = new Date();
  const row = {
    tenantId: actor.tenantId,
    id: randomUUID(),
    caseId: subject.id,
    ...columnsOf(state),
    externalRef: options.externalRef ?? null,
    createdAt: now,
    updatedAt: now,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    version: 1,
  };
  await activities.insertActivity(tx, row);
  await recordAudit(tx, actor, { action: 'activity.create', entityType: 'case', entityId: subject.id, after: auditStateOf(row) });
  await cases.touchCase(tx, actor.tenantId, subject.id, actor.userId);
  return row;
}

/** Activities of a case (相談対応記録): what was done, when, by whom, for how long, and whether it counts. */
export function createActivityService(db: Db) {
  /** The case, if the actor may see it; experts and partners see only theirs (404 otherwise, as if absent). */
  async function visibleCase(tx: Db, actor: Actor, caseId: string, forUpdate = false): Promise<CaseRow> {
    const viewer = casePolicy.viewer(actor);
    assertCan(viewer !== null);
    const found = await cases.findCase(tx, actor.tenantId, caseId, { viewer: viewer!, forUpdate });
    if (!found) throw notFound();
    return found;
  }

  async function present(tx: Db, rows: ActivityRow[]): Promise<Activity[]> {
    const people = await cases.peopleNames(tx, rows.flatMap((row) => [...row.staffIds, ...row.expertIds]));
    return rows.map((row) => presentActivity(row, people));
  }

  async function ownActivity(tx: Db, actor: Actor, caseId: string, activityId: string): Promise<ActivityRow> {
    const current = await activities.findActivity(tx, actor.tenantId, activityId, { forUpdate: true });
    if (!current || current.caseId !== caseId) throw notFound();
    return current;
  }

  return {
    async list(principal: Principal, caseId: string): Promise<{ items: Activity[] }> {
      return withActor(db, principal, async (tx, actor) => {
        await visibleCase(tx, actor, caseId);
        return { items: await present(tx, await activities.listActivities(tx, actor.tenantId, caseId)) };
      });
    },

    async create(principal: Principal, caseId: string, input: ActivityCreateInput): Promise<Activity> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canWork(actor));
        const subject = await visibleCase(tx, actor, caseId, true);
        const row = await addActivity(tx, actor, subject, input);
        if (row.notes) await refreshSearchText(tx, actor.tenantId, caseId);
        return (await present(tx, [row]))[0]!;
      });
    },

    async update(principal: Principal, caseId: string, activityId: string, input: ActivityUpdateInput): Promise<Activity> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canWork(actor));
        const subject = await visibleCase(tx, actor, caseId, true);
        const current = await ownActivity(tx, actor, caseId, activityId);
        if (current.version !== input.version) throw versionConflict(current.version);
        const { version: expectedVersion, ...changes } = input;
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        const next: ActivityState = {
          occurredAt: current.occurredAt.toISOString(),
          channel: current.channel as ActivityChannel,
          minutes: current.minutes,
          preparationMinutes: current.preparationMinutes,
          travelMinutes: current.travelMinutes,
          staffIds: current.staffIds,
          expertIds: current.expertIds,
          notes: current.notes,
          reportable: current.reportable,
          programmeId: current.programmeId,
          ...defined,
        };
        throwIfProblems(await checkActivity(tx, actor, subject, next));
        const saved = await activities.updateActivity(tx, actor.tenantId, activityId, expectedVersion, {
          ...columnsOf(next),
          updatedAt: new Date(),
          updatedBy: actor.userId,
        });
        if (!saved) throw versionConflict(current.version);
        await recordAudit(tx, actor, { action: 'activity.update', entityType: 'case', entityId: caseId, before: auditStateOf(current), after: auditStateOf(saved) });
        await cases.touchCase(tx, actor.tenantId, caseId, actor.userId);
        if (saved.notes !== current.notes) await refreshSearchText(tx, actor.tenantId, caseId);
        return (await present(tx, [saved]))[0]!;
      });
    },

    async remove(principal: Principal, caseId: string, activityId: string, expectedVersion: number): Promise<void> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canAssign(actor));
        await visibleCase(tx, actor, caseId, true);
        const current = await ownActivity(tx, actor, caseId, activityId);
        if (!(await activities.deleteActivity(tx, actor.tenantId, activityId, expectedVersion))) throw versionConflict(current.version);
        await recordAudit(tx, actor, { action: 'activity.delete', entityType: 'case', entityId: caseId, before: auditStateOf(current) });
        await cases.touchCase(tx, actor.tenantId, caseId, actor.userId);
        await refreshSearchText(tx, actor.tenantId, caseId);
      });
    },
  };
}
export type ActivityService = ReturnType<typeof createActivityService>;
