import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  entityTypesRequiringCorporateNumber,
  type CompanyCreateInput,
  type CompanyListQuery,
  type CompanyUpdateInput,
  type companyPage,
  type duplicateCandidates,
  type duplicateCheckInput,
  type EntityType,
} from '../../../shared/schemas/company';
import { findJsicMiddle, findMunicipality, findPrefecture } from '../../../shared/reference';
import type { Db } from '../../db/client';
import { recordAudit, recordAudits, type AuditChange } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { assertCan } from '../../platform/auth/authorize';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { companyPolicy } from './companies.policy';
import { auditStateOf, presentCompany, presentCompanySummary } from './companies.presenter';
import * as repository from './companies.repository';
import type { CompanyRecord } from './companies.repository';
import { companyNameKey, companyNameSort, companySearchText, companySizeClass } from './company-rules';

type FieldProblem = { path: string; code: string };

/** The editable state of a company after validation and derivation: what gets stored. */
export interface CompanyState {
  name: string;
  nameKana: string | null;
  entityType: EntityType;
  corporateNumber: string | null;
  representativeName: string | null;
  representativeTitle: string | null;
  postalCode: string | null;
  prefectureCode: string | null;
  municipalityCode: string | null;
  addressLine: string | null;
  jsicMajor: string | null;
  jsicMiddle: string | null;
  employees: number | null;
  capitalYen: number | null;
  tags: string[];
  notes: string | null;
  consentShareWithPartners: boolean;
  contacts: CompanyCreateInput['contacts'];
  externalIds: { system: string; value: string }[];
}

/**
 * Checks what needs the reference tables (municipality in its prefecture, 中分類 in its 大分類) and
 * fills what can be derived (the prefecture from the municipality, the 大分類 from the 中分類).
 * Returns the problems as field errors instead of throwing, so an import can report them per row.
 */
export function completeCompanyState(state: CompanyState): { state: CompanyState; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const next = { ...state };
  if (next.municipalityCode) {
    const municipality = findMunicipality(next.municipalityCode);
    if (!municipality) problems.push({ path: 'municipalityCode', code: 'municipality_unknown' });
    else if (next.prefectureCode && municipality.prefCode2 !== next.prefectureCode) {
      problems.push({ path: 'municipalityCode', code: 'municipality_prefecture_mismatch' });
    } else next.prefectureCode = municipality.prefCode2;
  }
  if (next.prefectureCode && !findPrefecture(next.prefectureCode)) problems.push({ path: 'prefectureCode', code: 'prefecture_unknown' });
  if (next.jsicMiddle) {
    const middle = findJsicMiddle(next.jsicMiddle);
    if (!middle) problems.push({ path: 'jsicMiddle', code: 'jsic_middle_unknown' });
    else if (next.jsicMajor && middle.majorCode !== next.jsicMajor) problems.push({ path: 'jsicMiddle', code: 'jsic_middle_mismatch' });
    else next.jsicMajor = middle.majorCode;
  }
  if (entityTypesRequiringCorporateNumber.includes(next.entityType) && !next.corporateNumber) {
    problems.push({ path: 'corporateNumber', code: 'corporate_number_required' });
  }
  return { state: next, problems };
}

/** The stored columns derived from a company's state. */
export function derivedColumns(state: CompanyState) {
  return {
    sizeClass: companySizeClass(state),
    searchText: companySearchText(state),
    nameSort: companyNameSort(state.name, state.nameKana),
    nameKey: companyNameKey(state.name),
  };
}

export function stateOf(record: CompanyRecord): CompanyState {
  return {
    name: record.name,
    nameKana: record.nameKana,
    entityType: record.entityType as EntityType,
    corporateNumber: record.corporateNumber,
    representativeName: record.representativeName,
    representativeTitle: record.representativeTitle,
    postalCode: record.postalCode,
    prefectureCode: record.prefectureCode,
    municipalityCode: record.municipalityCode,
    addressLine: record.addressLine,
    jsicMajor: record.jsicMajor,
    jsicMiddle: record.jsicMiddle,
    employees: record.employees,
    capitalYen: record.capitalYen,
    tags: record.tags,
    notes: record.notes,
    consentShareWithPartners: record.consentShareWithPartners,
    contacts: record.contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      nameKana: contact.nameKana,
      role: contact.role,
      email: contact.email,
      phone: contact.phone,
      isPrimary: contact.isPrimary,
    })),
    externalIds: record.externalIds,
  };
}

function contactRows(contacts: CompanyState['contacts']) {
  return contacts.map((contact, position) => ({
    id: contact.id ?? randomUUID(),
    name: contact.name,
    nameKana: contact.nameKana,
    role: contact.role,
    email: contact.email,
    phone: contact.phone,
    isPrimary: contact.isPrimary,
    position,
  }));
}


export function createCompanyService(db: Db) {
  /**
   * Writes new companies with their children and audit records, in the caller's transaction: one
   * path for a form's single company and an import's batch. External IDs must be free (checked here).
   * `audits` collects the audit records instead of writing them, for a caller that writes its own in
   * the same statement (the public form, on its hot path).
   */
  async function insertCompanies(tx: Db, actor: Actor, inputs: { id?: string; state: CompanyState }[], audits?: AuditChange[]): Promise<CompanyRecord[]> {
    await assertExternalIdsFree(tx, actor.tenantId, inputs.flatMap((input) => input.state.externalIds), null);
    const now = new Date();
    const rows = inputs.map(({ id = randomUUID(), state }) => ({
      company: {
        tenantId: actor.tenantId,
        id,
        ...columnsOf(state),
        ...derivedColumns(state),
        consentRecordedAt: state.consentShareWithPartners ? now : null,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
        // The public intake form creates companies with no signed-in person behind it.
        createdBy: actor.userId || null,
        updatedBy: actor.userId || null,
        version: 1,
      },
      contacts: contactRows(state.contacts),
      externalIds: state.externalIds,
    }));
    await repository.insertCompanies(tx, rows);
    const records: CompanyRecord[] = rows.map((row) => ({
      ...row.company,
      tags: row.company.tags,
      contacts: row.contacts.map((contact) => ({ ...contact, tenantId: actor.tenantId, companyId: row.company.id })),
      externalIds: row.externalIds,
    }));
    const changes = records.map((record) => ({ action: 'company.create', entityType: 'company', entityId: record.id, after: auditStateOf(record) }));
    if (audits) audits.push(...changes);
    else await recordAudits(tx, actor, changes);
    return records;
  }

  /** Applies a change to a company, refusing a stale version; in the caller's transaction. */
  async function changeCompany(
    tx: Db,
    actor: Actor,
    current: CompanyRecord,
    expectedVersion: number,
    next: CompanyState,
    action = 'company.update',
  ): Promise<CompanyRecord> {
    if (current.version !== expectedVersion) throw versionConflict(current.version);
    await assertExternalIdsFree(tx, actor.tenantId, next.externalIds, current.id);
    const consentChanged = next.consentShareWithPartners !== current.consentShareWithPartners;
    const saved = await repository.updateCompany(tx, actor.tenantId, current.id, expectedVersion, {
      ...columnsOf(next),
      ...derivedColumns(next),
      ...(consentChanged ? { consentRecordedAt: next.consentShareWithPartners ? new Date() : null } : {}),
      updatedAt: new Date(),
      updatedBy: actor.userId,
    });
    if (!saved) throw versionConflict(current.version);
    await repository.replaceContacts(tx, actor.tenantId, current.id, contactRows(next.contacts));
    await repository.replaceExternalIds(tx, actor.tenantId, current.id, next.externalIds);
    const updated = (await repository.findCompany(tx, actor.tenantId, current.id))!;
    await recordAudit(tx, actor, {
      action,
      entityType: 'company',
      entityId: current.id,
      before: auditStateOf(current),
      after: auditStateOf(updated),
    });
    return updated;
  }

  async function assertExternalIdsFree(tx: Db, tenantId: string, externalIds: { system: string; value: string }[], ownId: string | null) {
    const owners = await repository.findExternalIdOwners(tx, tenantId, externalIds);
    const taken = owners.filter((owner) => owner.companyId !== ownId);
    if (taken.length > 0) {
      throw new AppError('DUPLICATE', {
        fields: taken.map((owner) => ({
          path: `externalIds.${externalIds.findIndex((ref) => ref.system === owner.system && ref.value === owner.value)}.value`,
          code: 'duplicate_value',
        })),
      });
    }
  }

  function validOrThrow(state: CompanyState): CompanyState {
    const { state: completed, problems } = completeCompanyState(state);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
    return completed;
  }

  /** Archives or restores a company (no-op when it already is), with its audit record. */
  async function archiveInTransaction(tx: Db, actor: Actor, current: CompanyRecord, archived: boolean): Promise<CompanyRecord> {
    if ((current.archivedAt !== null) === archived) return current;
    const saved = await repository.updateCompany(tx, actor.tenantId, current.id, current.version, {
      archivedAt: archived ? new Date() : null,
      updatedAt: new Date(),
      updatedBy: actor.userId,
    });
    if (!saved) throw versionConflict(current.version);
    const updated = (await repository.findCompany(tx, actor.tenantId, current.id))!;
    await recordAudit(tx, actor, {
      action: archived ? 'company.archive' : 'company.restore',
      entityType: 'company',
      entityId: current.id,
      before: auditStateOf(current),
      after: auditStateOf(updated),
    });
    return updated;
  }

  return {
    insertCompanies,
    validOrThrow,
    changeCompany,
    archiveInTransaction,

    async list(principal: Principal, query: CompanyListQuery): Promise<z.output<typeof companyPage>> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(companyPolicy.canRead(actor));
        const after = decodeCursor(query.cursor);
        // One after the other: a transaction is one connection (and PGlite runs one query at a time).
        const { rows } = await repository.listCompanies(tx, actor.tenantId, query, after);
        const total = await repository.countCompanies(tx, actor.tenantId, query);
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        return {
          items: page.map(presentCompanySummary),
          total,
          nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.sortValue, id: last.id }) : null,
          abilities: {
            create: companyPolicy.canWrite(actor),
            import: companyPolicy.canImport(actor),
            export: companyPolicy.canExport(actor),
          },
        };
      });
    },

    async get(principal: Principal, id: string) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(companyPolicy.canRead(actor));
        const record = await repository.findCompany(tx, actor.tenantId, id);
        if (!record) throw notFound();
        return presentCompany(record, actor);
      });
    },

    async create(principal: Principal, input: CompanyCreateInput) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(companyPolicy.canWrite(actor));
        const [created] = await insertCompanies(tx, actor, [{ state: validOrThrow(input) }]);
        return presentCompany(created!, actor);
      });
    },

    async update(principal: Principal, id: string, input: CompanyUpdateInput) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(companyPolicy.canWrite(actor));
        const current = await repository.findCompany(tx, actor.tenantId, id, { forUpdate: true });
        if (!current) throw notFound();
        if (current.archivedAt) throw new AppError('UNPROCESSABLE', { details: { reason: 'archived' } });
        const { version: expectedVersion, ...changes } = input;
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        const next = validOrThrow({ ...stateOf(current), ...defined } as CompanyState);
        const updated = await changeCompany(tx, actor, current, expectedVersion, next);
        return presentCompany(updated, actor);
      });
    },

    async setArchived(principal: Principal, id: string, expectedVersion: number, archived: boolean) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(companyPolicy.canWrite(actor));
        const current = await repository.findCompany(tx, actor.tenantId, id, { forUpdate: true });
        if (!current) throw notFound();
        if (current.version !== expectedVersion) throw versionConflict(current.version);
        return presentCompany(await archiveInTransaction(tx, actor, current, archived), actor);
      });
    },

    async findDuplicates(principal: Principal, input: z.output<typeof duplicateCheckInput>): Promise<z.output<typeof duplicateCandidates>> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(companyPolicy.canRead(actor));
        const rows = await repository.findLikelyDuplicates(tx, actor.tenantId, {
          corporateNumber: input.corporateNumber ?? null,
          nameKey: input.name ? companyNameKey(input.name) || null : null,
          municipalityCode: input.municipalityCode ?? null,
          excludeId: input.excludeId ?? null,
        });
        return { candidates: rows.map((row) => ({ ...presentCompanySummary(row), reason: row.reason })) };
      });
    },
  };
}

export type CompanyService = ReturnType<typeof createCompanyService>;

function columnsOf(state: CompanyState) {
  return {
    name: state.name,
    nameKana: state.nameKana,
    entityType: state.entityType,
    corporateNumber: state.corporateNumber,
    representativeName: state.representativeName,
    representativeTitle: state.representativeTitle,
    postalCode: state.postalCode,
    prefectureCode: state.prefectureCode,
    municipalityCode: state.municipalityCode,
    addressLine: state.addressLine,
    jsicMajor: state.jsicMajor,
    jsicMiddle: state.jsicMiddle,
    employees: state.employees,
    capitalYen: state.capitalYen,
    tags: state.tags,
    notes: state.notes,
    consentShareWithPartners: state.consentShareWithPartners,
  };
}
