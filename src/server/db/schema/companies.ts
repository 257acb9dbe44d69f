import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolationPolicy } from './rls';
import { tenant } from './tenancy';

/** The company register (事業者台帳): every business a tenant supports. */
export const company = pgTable(
  'company',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana'),
    entityType: text('entity_type').notNull(),
    corporateNumber: text('corporate_number'),
    representativeName: text('representative_name'),
    representativeTitle: text('representative_title'),
    postalCode: text('postal_code'),
    prefectureCode: text('prefecture_code'),
    municipalityCode: text('municipality_code'),
    addressLine: text('address_line'),
    jsicMajor: text('jsic_major'),
    jsicMiddle: text('jsic_middle'),
    employees: integer('employees'),
    capitalYen: bigint('capital_yen', { mode: 'number' }),
    sizeClass: text('size_class').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    consentShareWithPartners: boolean('consent_share_with_partners').notNull().default(false),
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }),
    /** NFKC-normalised, kana-folded name + kana + notes: what Japanese search matches (pg_trgm). */
    searchText: text('search_text').notNull(),
    /** あいうえお順 sort key: the kana reading (hiragana) when known, otherwise the normalised name. */
    nameSort: text('name_sort').notNull(),
    /** The name without legal-form words (株式会社, (株)…), folded: two entries with the same key are likely duplicates. */
    nameKey: text('name_key').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('company_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('company_name_sort_idx').on(t.tenantId, t.nameSort, t.id),
    // The default list (active companies, あいうえお順) and its count read this index alone.
    index('company_active_name_sort_idx').on(t.tenantId, t.nameSort, t.id).where(sql`${t.archivedAt} IS NULL`),
    index('company_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('company_municipality_idx').on(t.tenantId, t.municipalityCode),
    index('company_industry_idx').on(t.tenantId, t.jsicMajor, t.jsicMiddle),
    index('company_size_idx').on(t.tenantId, t.sizeClass),
    index('company_corporate_number_idx').on(t.tenantId, t.corporateNumber),
    index('company_name_key_idx').on(t.tenantId, t.nameKey),
    index('company_tags_idx').using('gin', t.tags),
    tenantIsolationPolicy(),
  ],
);

/** People at a company the desk talks to. */
export const companyContact = pgTable(
  'company_contact',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    companyId: uuid('company_id').notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana'),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    isPrimary: boolean('is_primary').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.companyId], foreignColumns: [company.tenantId, company.id] }).onDelete('cascade'),
    index('company_contact_company_idx').on(t.tenantId, t.companyId, t.position),
    tenantIsolationPolicy(),
  ],
);

/** Identifiers of the company in other systems (kintone, gBizINFO, the previous register…); import upserts by them. */
export const companyExternalId = pgTable(
  'company_external_id',
  {
    tenantId: uuid('tenant_id').notNull(),
    companyId: uuid('company_id').notNull(),
    system: text('system').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.system, t.value] }),
    foreignKey({ columns: [t.tenantId, t.companyId], foreignColumns: [company.tenantId, company.id] }).onDelete('cascade'),
    index('company_external_id_company_idx').on(t.tenantId, t.companyId),
    tenantIsolationPolicy(),
  ],
);
