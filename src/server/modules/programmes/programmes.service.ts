import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ProgrammeCreateInput, ProgrammeListQuery, ProgrammeUpdateInput, programmeList } from '../../../shared/schemas/programme';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { programmePolicy } from './programmes.policy';
import { auditStateOf, presentProgramme } from './programmes.presenter';
import * as repository from './programmes.repository';
import type { ProgrammeRow } from './programmes.repository';

/** What an admin edits: every column of the programme but its bookkeeping. */
type ProgrammeState = ProgrammeCreateInput;

function stateOf(row: ProgrammeRow): ProgrammeState {
  return {
    name: row.name,
    commissioner: row.commissioner,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    supportTarget: row.supportTarget,
    companyTarget: row.companyTarget,
    countedChannels: row.countedChannels as ProgrammeState['countedChannels'],
    countedCaseTypes: row.countedCaseTypes as ProgrammeState['countedCaseTypes'],
    minimumMinutes: row.minimumMinutes,
    minutesBasis: row.minutesBasis as ProgrammeState['minutesBasis'],
    companyIdentity: row.companyIdentity as ProgrammeState['companyIdentity'],
    suppressionThreshold: row.suppressionThreshold,
    isDefault: row.isDefault,
    notes: row.notes,
  };
}

/**
 * Rules across fields and rows: the period does not end before it starts, and two active default
 * programmes of a tenant never overlap (the default is what an activity without a programme counts for,
 * so there must be at most one per date). Takes the tenant's default-programme lock first.
 */
async function assertValidState(tx: Db, actor: Actor, state: ProgrammeState, ownId: string | null): Promise<void> {
  if (state.endsOn < state.startsOn) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'endsOn', code: 'ends_before_start' }] });
  }
  if (!state.isDefault) return;
  await repository.lockDefaultProgrammes(tx, actor.tenantId);
  const [overlapping] = await repository.findDefaultProgrammes(tx, actor.tenantId, { from: state.startsOn, to: state.endsOn }, ownId);
  if (overlapping) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'isDefault', code: 'default_programme_overlap', params: { name: overlapping.name } }],
      details: { reason: 'default_overlap', conflictingProgramme: { id: overlapping.id, name: overlapping.name } },
    });
  }
}

/** Funding programmes (委託事業) and their counting rules: admins write, staff and viewers read. */
export function createProgrammeService(db: Db) {
  return {
    async list(principal: Principal, query: ProgrammeListQuery): Promise<z.output<typeof programmeList>> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(programmePolicy.canRead(actor));
        const rows = await repository.listProgrammes(tx, actor.tenantId, query);
        return { items: rows.map((row) => presentProgramme(row, actor)), abilities: { create: programmePolicy.canWrite(actor) } };
      });
    },

    async get(principal: Principal, id: string) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(programmePolicy.canRead(actor));
        const row = await repository.findProgramme(tx, actor.tenantId, id);
        if (!row) throw notFound();
        return presentProgramme(row, actor);
      });
    },

    async create(principal: Principal, input: ProgrammeCreateInput) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(programmePolicy.canWrite(actor));
        await assertValidState(tx, actor, input, null);
        const id = randomUUID();
        const now = new Date();
        await repository.insertProgramme(tx, {
          tenantId: actor.tenantId,
          id,
          ...input,
          archivedAt: null,
          createdAt: now,
          updatedAt: now,
          createdBy: actor.userId,
          updatedBy: actor.userId,
          version: 1,
        });
        const created = (await repository.findProgramme(tx, actor.tenantId, id))!;
        await recordAudit(tx, actor, { action: 'programme.create', entityType: 'funding_programme', entityId: id, after: auditStateOf(created) });
        return presentProgramme(created, actor);
      });
    },

    async update(principal: Principal, id: string, input: ProgrammeUpdateInput) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(programmePolicy.canWrite(actor));
        const current = await repository.findProgramme(tx, actor.tenantId, id, { forUpdate: true });
        if (!current) throw notFound();
        if (current.archivedAt) throw new AppError('UNPROCESSABLE', { details: { reason: 'archived' } });
        const { version: expectedVersion, ...changes } = input;
        if (current.version !== expectedVersion) throw versionConflict(current.version);
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        const next: ProgrammeState = { ...stateOf(current), ...defined };
        await assertValidState(tx, actor, next, current.id);
        const updated = await repository.updateProgramme(tx, actor.tenantId, id, expectedVersion, { ...next, updatedAt: new Date(), updatedBy: actor.userId });
        if (!updated) throw versionConflict(current.version);
        await recordAudit(tx, actor, {
          action: 'programme.update',
          entityType: 'funding_programme',
          entityId: id,
          before: auditStateOf(current),
          after: auditStateOf(updated),
        });
        return presentProgramme(updated, actor);
      });
    },

    /**
     * Archives or restores (no-op when it already is). An archived programme still reports what was
     * attributed to it, but is no longer anyone's default; restoring a default checks the overlap again.
     */
    async setArchived(principal: Principal, id: string, expectedVersion: number, archived: boolean) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(programmePolicy.canWrite(actor));
        const current = await repository.findProgramme(tx, actor.tenantId, id, { forUpdate: true });
        if (!current) throw notFound();
        if (current.version !== expectedVersion) throw versionConflict(current.version);
        if ((current.archivedAt !== null) === archived) return presentProgramme(current, actor);
        if (!archived && current.isDefault) {
          await repository.lockDefaultProgrammes(tx, actor.tenantId);
          const [overlapping] = await repository.findDefaultProgrammes(tx, actor.tenantId, { from: current.startsOn, to: current.endsOn }, current.id);
          if (overlapping) {
            throw new AppError('UNPROCESSABLE', {
              fields: [{ path: 'isDefault', code: 'default_programme_overlap', params: { name: overlapping.name } }],
              details: { reason: 'default_overlap', conflictingProgramme: { id: overlapping.id, name: overlapping.name } },
            });
          }
        }
        const updated = await repository.updateProgramme(tx, actor.tenantId, id, expectedVersion, {
          archivedAt: archived ? new Date() : null,
          updatedAt: new Date(),
          updatedBy: actor.userId,
        });
        if (!updated) throw versionConflict(current.version);
        await recordAudit(tx, actor, {
          action: archived ? 'programme.archive' : 'programme.restore',
          entityType: 'funding_programme',
          entityId: id,
          before: auditStateOf(current),
          after: auditStateOf(updated),
        });
        return presentProgramme(updated, actor);
      });
    },
  };
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;
