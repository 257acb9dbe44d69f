import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import type { ActivityChannel, CaseType } from '../../../shared/domain/desk';
import type { CompanyIdentity, MinutesBasis, Programme } from '../../../shared/schemas/programme';
import type { Actor } from '../../platform/auth/actor';
import { programmePolicy } from './programmes.policy';
import type { ProgrammeRow } from './programmes.repository';

/** A programme's fields and rules (a whitelist), with what the actor may do with it. */
export function presentProgramme(row: ProgrammeRow, actor: Actor): Programme {
  const isArchived = row.archivedAt !== null;
  const canWrite = programmePolicy.canWrite(actor);
  return {
    id: row.id,
    name: row.name,
    commissioner: row.commissioner,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    fiscalYear: fiscalYearOf(row.startsOn),
    supportTarget: row.supportTarget,
    companyTarget: row.companyTarget,
    countedChannels: row.countedChannels as ActivityChannel[],
    countedCaseTypes: row.countedCaseTypes as CaseType[],
    minimumMinutes: row.minimumMinutes,
    minutesBasis: row.minutesBasis as MinutesBasis,
    companyIdentity: row.companyIdentity as CompanyIdentity,
    suppressionThreshold: row.suppressionThreshold,
    isDefault: row.isDefault,
    notes: row.notes,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: { update: canWrite && !isArchived, archive: canWrite && !isArchived, restore: canWrite && isArchived },
  };
}

/** The state written to the audit trail: the presented programme without per-actor abilities. */
export function auditStateOf(row: ProgrammeRow): Omit<Programme, 'abilities'> {
  const { abilities: _abilities, ...state } = presentProgramme(row, { role: 'viewer' } as Actor);
  return state;
}
