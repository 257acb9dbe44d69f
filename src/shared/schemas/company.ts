import { z } from 'zod';
import { isValidCorporateNumber } from '../domain/corporate-number';
import { isValidMunicipalityCode } from '../domain/municipality-code';
import { isJsicMajorCode, isJsicMiddleCode } from '../domain/jsic-code';
import { optionalEmail, optionalLongText, optionalPhone, optionalText, text, uuid, version, isoDateTime, paginationLimit } from './common';

/** What kind of business or body a register entry is (相談者区分). */
export const entityTypes = ['corporation', 'npo', 'sole_proprietor', 'prospective_founder', 'association', 'public_body'] as const;
export type EntityType = (typeof entityTypes)[number];
/** 法人番号 is required for these; 個人事業主, 創業予定者, 任意団体 and public bodies may have none. */
export const entityTypesRequiringCorporateNumber: readonly EntityType[] = ['corporation', 'npo'];

export const sizeClasses = ['small', 'sme', 'large', 'unknown'] as const;
export type SizeClass = (typeof sizeClasses)[number];

export const corporateNumberField = z
  .string()
  .nullish()
  .transform((value) => {
    const normalized = (value ?? '').normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー]/g, '');
    return normalized === '' ? null : normalized;
  })
  .pipe(
    z
      .string()
      .regex(/^\d{13}$/, 'corporate_number_format')
      .refine(isValidCorporateNumber, 'corporate_number_check_digit')
      .nullable(),
  )
  .describe('法人番号: 13 digits, the first being the check digit (hyphens and full-width digits are accepted)');

const postalCode = z
  .string()
  .nullish()
  .transform((value) => {
    const digits = (value ?? '').normalize('NFKC').replace(/[〒\s\-‐‑‒–—―−ー]/g, '');
    return digits === '' ? null : digits;
  })
  .pipe(
    z
      .string()
      .regex(/^\d{7}$/, 'postal_code_format')
      .transform((digits) => `${digits.slice(0, 3)}-${digits.slice(3)}`)
      .nullable(),
  );

const prefectureCode = z
  .string()
  .nullish()
  .transform((value) => (value ? value.normalize('NFKC').trim().padStart(2, '0') : null))
  .pipe(z.string().regex(/^(0[1-9]|[1-3][0-9]|4[0-7])$/, 'prefecture_unknown').nullable())
  .describe('JIS X 0401 prefecture code, 2 digits (02 = 青森県)');

export const municipalityCodeField = z
  .string()
  .nullish()
  .transform((value) => (value ? value.normalize('NFKC').trim() : null))
  .pipe(z.string().regex(/^\d{6}$/, 'municipality_unknown').refine(isValidMunicipalityCode, 'municipality_check_digit').nullable())
  .describe('全国地方公共団体コード: 6 digits including the check digit (022012 = 青森市)');

const jsicMajor = z
  .string()
  .nullish()
  .transform((value) => (value ? value.normalize('NFKC').trim().toUpperCase() : null))
  .pipe(z.string().refine(isJsicMajorCode, 'jsic_major_unknown').nullable())
  .describe('日本標準産業分類 (令和5年改定) 大分類, A–T');

const jsicMiddle = z
  .string()
  .nullish()
  .transform((value) => (value ? value.normalize('NFKC').trim().padStart(2, '0') : null))
  .pipe(z.string().refine(isJsicMiddleCode, 'jsic_middle_unknown').nullable())
  .describe('日本標準産業分類 中分類, 2 digits (09 = 食料品製造業)');

const nonNegativeInteger = (max: number) => z.int().min(0).max(max).nullish().transform((value) => value ?? null);

export const companyContactInput = z
  .strictObject({
    id: uuid.optional().describe('Keep the id of an existing contact to update it; omit it for a new contact'),
    name: text(100),
    nameKana: optionalText(100),
    role: optionalText(100).describe('役職・担当 (e.g. 代表取締役, 総務担当)'),
    email: optionalEmail,
    phone: optionalPhone,
    isPrimary: z.boolean().default(false),
  })
  .meta({ id: 'CompanyContactEntry' });

export const externalIdInput = z
  .strictObject({
    system: text(50)
      .pipe(z.string().regex(/^[^:、,，;；]+$/, 'external_id_format'))
      .describe('The other system, e.g. kintone, gBizINFO, 旧台帳'),
    value: text(100).pipe(z.string().regex(/^[^、,，;；]+$/, 'external_id_format')),
  })
  .meta({ id: 'CompanyExternalId' });

const tags = z
  .array(
    z
      .string()
      .transform((tag) => tag.normalize('NFKC').trim())
      .pipe(z.string().min(1).max(30, 'tag_too_long').regex(/^[^、,，;；]+$/, 'tag_separator')),
  )
  .max(20)
  .transform((list) => [...new Set(list)]);

/** What a requester can tell about the business on the public form: industry and headcount (size is derived). */
export const companySizeInputs = {
  jsicMajor: jsicMajor.optional().transform((v) => v ?? null),
  employees: nonNegativeInteger(10_000_000).optional().transform((v) => v ?? null).describe('常時使用する従業員の数'),
};

const companyFields = {
  name: text(200).describe('事業者名 (正式名称)'),
  nameKana: optionalText(200).describe('フリガナ'),
  entityType: z.enum(entityTypes),
  corporateNumber: corporateNumberField,
  representativeName: optionalText(100),
  representativeTitle: optionalText(100),
  postalCode,
  prefectureCode,
  municipalityCode: municipalityCodeField,
  addressLine: optionalText(200).describe('Address after the municipality (町名・番地・建物)'),
  jsicMajor,
  jsicMiddle,
  employees: nonNegativeInteger(10_000_000).describe('常時使用する従業員の数'),
  capitalYen: nonNegativeInteger(100_000_000_000_000).describe('資本金 (円)'),
  tags,
  notes: optionalLongText(10_000),
  consentShareWithPartners: z.boolean().describe('The company agreed that its information may be shared with partners'),
  contacts: z.array(companyContactInput).max(20),
  externalIds: z.array(externalIdInput).max(10),
};

type CrossFieldInput = {
  entityType?: EntityType;
  corporateNumber?: string | null;
  contacts?: { isPrimary: boolean }[];
  externalIds?: { system: string; value: string }[];
};

/** Rules across fields that need no reference data (those are checked by the server's service). */
function checkCrossFieldRules(input: CrossFieldInput, context: z.core.$RefinementCtx) {
  if (input.entityType && entityTypesRequiringCorporateNumber.includes(input.entityType) && input.corporateNumber === null) {
    context.addIssue({ code: 'custom', path: ['corporateNumber'], message: 'corporate_number_required' });
  }
  if (input.contacts && input.contacts.filter((contact) => contact.isPrimary).length > 1) {
    context.addIssue({ code: 'custom', path: ['contacts'], message: 'duplicate_value' });
  }
  if (input.externalIds) {
    const seen = new Set<string>();
    input.externalIds.forEach((externalId, index) => {
      const key = `${externalId.system}\u0000${externalId.value}`;
      if (seen.has(key)) context.addIssue({ code: 'custom', path: ['externalIds', index, 'value'], message: 'duplicate_value' });
      seen.add(key);
    });
  }
}

export const companyCreateInput = z
  .strictObject({
    ...companyFields,
    nameKana: companyFields.nameKana.optional().transform((v) => v ?? null),
    corporateNumber: companyFields.corporateNumber.optional().transform((v) => v ?? null),
    tags: companyFields.tags.default([]),
    consentShareWithPartners: companyFields.consentShareWithPartners.default(false),
    contacts: companyFields.contacts.default([]),
    externalIds: companyFields.externalIds.default([]),
  })
  .superRefine(checkCrossFieldRules)
  .meta({ id: 'CompanyCreate' });
export type CompanyCreateInput = z.output<typeof companyCreateInput>;

/** A partial update: only the fields sent change; `contacts` and `externalIds` replace the whole list. */
export const companyUpdateInput = z
  .strictObject({
    version,
    ...Object.fromEntries(Object.entries(companyFields).map(([key, schema]) => [key, schema.optional()])),
  } as { version: typeof version } & { [K in keyof typeof companyFields]: z.ZodOptional<(typeof companyFields)[K]> })
  .meta({ id: 'CompanyUpdate' });
export type CompanyUpdateInput = z.output<typeof companyUpdateInput>;

export const companyVersionInput = z.strictObject({ version }).meta({ id: 'CompanyVersion' });

export const companySorts = ['name', '-name', 'updatedAt', '-updatedAt', 'employees', '-employees'] as const;
export type CompanySort = (typeof companySorts)[number];

export const companyListQuery = z
  .strictObject({
    q: z
      .string()
      .max(100)
      .optional()
      .describe('Japanese search over name, kana and notes; any substring (3+ characters use the trigram index)'),
    jsicMajor: jsicMajor.optional(),
    jsicMiddle: jsicMiddle.optional(),
    prefectureCode: prefectureCode.optional(),
    municipalityCode: municipalityCodeField.optional(),
    sizeClass: z.enum(sizeClasses).optional(),
    entityType: z.enum(entityTypes).optional(),
    tag: z.string().max(30).optional(),
    status: z.enum(['active', 'archived', 'all']).default('active'),
    sort: z.enum(companySorts).default('name'),
    cursor: z.string().max(500).optional().describe('The nextCursor of the previous page'),
    limit: paginationLimit,
  });
export type CompanyListQuery = z.output<typeof companyListQuery>;

export const companyContact = z
  .object({
    id: uuid,
    name: z.string(),
    nameKana: z.string().nullable(),
    role: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    isPrimary: z.boolean(),
  })
  .meta({ id: 'CompanyContact' });

const codeName = z.object({ code: z.string(), name: z.string() }).nullable();

export const companyAbilities = z
  .object({ update: z.boolean(), archive: z.boolean(), restore: z.boolean(), viewAudit: z.boolean() })
  .meta({ id: 'CompanyAbilities' });

export const companySummary = z
  .object({
    id: uuid,
    name: z.string(),
    nameKana: z.string().nullable(),
    entityType: z.enum(entityTypes),
    corporateNumber: z.string().nullable(),
    prefecture: codeName,
    municipality: codeName,
    jsicMajor: codeName,
    jsicMiddle: codeName,
    employees: z.int().nullable(),
    sizeClass: z.enum(sizeClasses),
    tags: z.array(z.string()),
    archivedAt: isoDateTime.nullable(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'CompanySummary' });

export const company = companySummary
  .extend({
    representativeName: z.string().nullable(),
    representativeTitle: z.string().nullable(),
    postalCode: z.string().nullable(),
    addressLine: z.string().nullable(),
    capitalYen: z.int().nullable(),
    notes: z.string().nullable(),
    consentShareWithPartners: z.boolean(),
    consentRecordedAt: isoDateTime.nullable(),
    contacts: z.array(companyContact),
    externalIds: z.array(z.object({ system: z.string(), value: z.string() })),
    createdAt: isoDateTime,
    version: z.int(),
    abilities: companyAbilities,
  })
  .meta({ id: 'Company' });
export type Company = z.output<typeof company>;

export const companyPage = z
  .object({
    items: z.array(companySummary),
    total: z.int().describe('How many companies match the filters'),
    nextCursor: z.string().nullable(),
    abilities: z.object({ create: z.boolean(), import: z.boolean(), export: z.boolean() }),
  })
  .meta({ id: 'CompanyPage' });

export const duplicateCheckInput = z
  .strictObject({
    name: z.string().max(200).optional(),
    municipalityCode: municipalityCodeField.optional(),
    corporateNumber: corporateNumberField.optional(),
    excludeId: uuid.optional(),
  })
  .meta({ id: 'CompanyDuplicateCheck' });

export const duplicateCandidates = z
  .object({
    candidates: z.array(
      companySummary.extend({ reason: z.enum(['corporate_number', 'name_and_municipality']) }),
    ),
  })
  .meta({ id: 'CompanyDuplicateCandidates' });
