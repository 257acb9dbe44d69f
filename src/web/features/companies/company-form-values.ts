import type { EntityType } from '../../../shared/schemas/company';
import type { Company } from './companies.api';

/** What the inputs of the company form hold: text as typed, turned into API input by `toCompanyInput`. */
export interface CompanyFormValues {
  name: string;
  nameKana: string;
  entityType: EntityType | '';
  corporateNumber: string;
  representativeName: string;
  representativeTitle: string;
  postalCode: string;
  prefectureCode: string;
  municipalityCode: string;
  addressLine: string;
  jsicMajor: string;
  jsicMiddle: string;
  employees: string;
  capitalYen: string;
  tags: string;
  notes: string;
  consentShareWithPartners: boolean;
  contacts: { id: string; name: string; nameKana: string; role: string; email: string; phone: string; isPrimary: boolean }[];
  externalIds: { system: string; value: string }[];
}

export const emptyContact: CompanyFormValues['contacts'][number] = { id: '', name: '', nameKana: '', role: '', email: '', phone: '', isPrimary: false };
export const emptyExternalId: CompanyFormValues['externalIds'][number] = { system: '', value: '' };

export function emptyCompanyForm(prefectureCode = ''): CompanyFormValues {
  return {
    name: '',
    nameKana: '',
    entityType: '',
    corporateNumber: '',
    representativeName: '',
    representativeTitle: '',
    postalCode: '',
    prefectureCode,
    municipalityCode: '',
    addressLine: '',
    jsicMajor: '',
    jsicMiddle: '',
    employees: '',
    capitalYen: '',
    tags: '',
    notes: '',
    consentShareWithPartners: false,
    contacts: [],
    externalIds: [],
  };
}

export function companyToForm(company: Company): CompanyFormValues {
  return {
    name: company.name,
    nameKana: company.nameKana ?? '',
    entityType: company.entityType,
    corporateNumber: company.corporateNumber ?? '',
    representativeName: company.representativeName ?? '',
    representativeTitle: company.representativeTitle ?? '',
    postalCode: company.postalCode ?? '',
    prefectureCode: company.prefecture?.code ?? '',
    municipalityCode: company.municipality?.code ?? '',
    addressLine: company.addressLine ?? '',
    jsicMajor: company.jsicMajor?.code ?? '',
    jsicMiddle: company.jsicMiddle?.code ?? '',
    employees: company.employees === null ? '' : String(company.employees),
    capitalYen: company.capitalYen === null ? '' : String(company.capitalYen),
    tags: company.tags.join('、'),
    notes: company.notes ?? '',
    consentShareWithPartners: company.consentShareWithPartners,
    contacts: company.contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      nameKana: contact.nameKana ?? '',
      role: contact.role ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
      isPrimary: contact.isPrimary,
    })),
    externalIds: company.externalIds.map((externalId) => ({ ...externalId })),
  };
}

/** 「1,200」「１２００」 → 1200; blank → null; anything else is passed on for the schema to reject. */
function toInteger(text: string): number | string | null {
  const normalized = text.normalize('NFKC').replace(/[,\s_]/g, '');
  if (normalized === '') return null;
  return /^\d+$/.test(normalized) ? Number(normalized) : normalized;
}

/** Tags are typed as one line separated by 「、」 or commas. */
export function splitTags(text: string): string[] {
  return text
    .split(/[、,，]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** The API input (before the shared schema validates and normalises it). */
export function toCompanyInput(values: CompanyFormValues) {
  return {
    ...values,
    entityType: values.entityType === '' ? undefined : values.entityType,
    employees: toInteger(values.employees),
    capitalYen: toInteger(values.capitalYen),
    tags: splitTags(values.tags),
    prefectureCode: values.prefectureCode || null,
    municipalityCode: values.municipalityCode || null,
    jsicMajor: values.jsicMajor || null,
    jsicMiddle: values.jsicMiddle || null,
    contacts: values.contacts.map(({ id, ...contact }) => (id ? { id, ...contact } : contact)),
  };
}

/** Where an API problem is shown in the form: list items of tags collapse onto the tags field. */
export function companyFieldOf(path: string): string {
  if (path.startsWith('tags.')) return 'tags';
  return path;
}
