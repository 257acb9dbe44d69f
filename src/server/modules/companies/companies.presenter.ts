import type { z } from 'zod';
import type { company, companySummary } from '../../../shared/schemas/company';
import { findJsicMajor, findJsicMiddle, findMunicipality, findPrefecture } from '../../../shared/reference';
import type { Actor } from '../../platform/auth/actor';
import { companyPolicy } from './companies.policy';
import type { CompanyRecord, CompanyRow } from './companies.repository';

type CompanySummary = z.output<typeof companySummary>;
type Company = z.output<typeof company>;

const codeName = (code: string | null, name: string | undefined) => (code && name ? { code, name } : null);

/** The list shape of a company: a whitelist of fields, with the names of its codes. */
export function presentCompanySummary(row: CompanyRow): CompanySummary {
  return {
    id: row.id,
    name: row.name,
    nameKana: row.nameKana,
    entityType: row.entityType as CompanySummary['entityType'],
    corporateNumber: row.corporateNumber,
    prefecture: codeName(row.prefectureCode, row.prefectureCode ? findPrefecture(row.prefectureCode)?.name : undefined),
    municipality: codeName(row.municipalityCode, row.municipalityCode ? findMunicipality(row.municipalityCode)?.name : undefined),
    jsicMajor: codeName(row.jsicMajor, row.jsicMajor ? findJsicMajor(row.jsicMajor)?.name : undefined),
    jsicMiddle: codeName(row.jsicMiddle, row.jsicMiddle ? findJsicMiddle(row.jsicMiddle)?.name : undefined),
    employees: row.employees,
    sizeClass: row.sizeClass as CompanySummary['sizeClass'],
    tags: row.tags,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The full shape of a company, with what the actor may do with it. */
export function presentCompany(record: CompanyRecord, actor: Actor): Company {
  const isArchived = record.archivedAt !== null;
  return {
    ...presentCompanySummary(record),
    representativeName: record.representativeName,
    representativeTitle: record.representativeTitle,
    postalCode: record.postalCode,
    addressLine: record.addressLine,
    capitalYen: record.capitalYen,
    notes: record.notes,
    consentShareWithPartners: record.consentShareWithPartners,
    consentRecordedAt: record.consentRecordedAt?.toISOString() ?? null,
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
    createdAt: record.createdAt.toISOString(),
    version: record.version,
    abilities: {
      update: companyPolicy.canWrite(actor) && !isArchived,
      archive: companyPolicy.canWrite(actor) && !isArchived,
      restore: companyPolicy.canWrite(actor) && isArchived,
      viewAudit: companyPolicy.canViewAudit(actor),
    },
  };
}

/** The state written to the audit trail: the presented record without per-actor abilities. */
export function auditStateOf(record: CompanyRecord): Omit<Company, 'abilities'> {
  const { abilities: _abilities, ...state } = presentCompany(record, { role: 'viewer' } as Actor);
  return state;
}
