import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CompanyListQuery, CompanySort } from '../../../shared/schemas/company';
import { toSearchText } from '../../../shared/domain/japanese-text';
import { insertJsonRecords } from '../../db/bulk-insert';
import type { Db } from '../../db/client';
import type { CursorPosition } from '../../platform/cursor';
import { company, companyContact, companyExternalId } from '../../db/schema';

export type CompanyRow = typeof company.$inferSelect;
export type CompanyInsert = typeof company.$inferInsert;
export type ContactRow = typeof companyContact.$inferSelect;
export type ExternalIdRow = typeof companyExternalId.$inferSelect;

export interface CompanyRecord extends CompanyRow {
  contacts: ContactRow[];
  externalIds: { system: string; value: string }[];
}

/** The filters of a list, without paging: shared by the list, the count and the CSV export. */
export type CompanyFilter = Omit<CompanyListQuery, 'sort' | 'cursor' | 'limit'>;

/** Escapes LIKE wildcards so that a user's 「100%」 searches for the text 「100%」. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The WHERE clause of a list. The search splits the query on spaces and requires every term:
 * terms of 3+ characters are answered by the pg_trgm index on search_text; shorter ones scan the
 * tenant's rows (already narrowed by the tenant index), which stays fast at a tenant's size.
 */
function whereOf(tenantId: string, filter: CompanyFilter): SQL {
  const conditions: (SQL | undefined)[] = [eq(company.tenantId, tenantId)];
  if (filter.status === 'active') conditions.push(isNull(company.archivedAt));
  if (filter.status === 'archived') conditions.push(isNotNull(company.archivedAt));
  const terms = filter.q ? toSearchText(filter.q).split(' ').filter(Boolean) : [];
  for (const term of terms) conditions.push(sql`${company.searchText} LIKE ${likePattern(term)}`);
  if (filter.jsicMajor) conditions.push(eq(company.jsicMajor, filter.jsicMajor));
  if (filter.jsicMiddle) conditions.push(eq(company.jsicMiddle, filter.jsicMiddle));
  if (filter.prefectureCode) conditions.push(eq(company.prefectureCode, filter.prefectureCode));
  if (filter.municipalityCode) conditions.push(eq(company.municipalityCode, filter.municipalityCode));
  if (filter.sizeClass) conditions.push(eq(company.sizeClass, filter.sizeClass));
  if (filter.entityType) conditions.push(eq(company.entityType, filter.entityType));
  if (filter.tag) conditions.push(sql`${company.tags} @> ARRAY[${filter.tag.normalize('NFKC').trim()}]::text[]`);
  return and(...conditions)!;
}

/** Keyset pagination: each sort is a column (as text for the cursor) plus the id as tie-breaker. */
const sortColumns: Record<Exclude<CompanySort, `-${string}`>, { key: SQL; cast: string }> = {
  name: { key: sql`${company.nameSort}`, cast: 'text' },
  updatedAt: { key: sql`${company.updatedAt}`, cast: 'timestamptz' },
  employees: { key: sql`coalesce(${company.employees}, -1)`, cast: 'integer' },
};

export async function listCompanies(
  tx: Db,
  tenantId: string,
  query: CompanyListQuery,
  after: CursorPosition | null,
): Promise<{ rows: (CompanyRow & { sortValue: string })[] }> {
  const descending = query.sort.startsWith('-');
  const column = sortColumns[query.sort.replace(/^-/, '') as keyof typeof sortColumns];
  const where = whereOf(tenantId, query);
  const keyset = after
    ? descending
      ? sql`(${column.key}, ${company.id}) < (${after.value}::${sql.raw(column.cast)}, ${after.id}::uuid)`
      : sql`(${column.key}, ${company.id}) > (${after.value}::${sql.raw(column.cast)}, ${after.id}::uuid)`
    : undefined;
  const direction = descending ? desc : asc;
  const rows = await tx
    .select({ row: company, sortValue: sql<string>`(${column.key})::text` })
    .from(company)
    .where(keyset ? and(where, keyset) : where)
    .orderBy(direction(column.key), direction(company.id))
    .limit(query.limit + 1);
  return { rows: rows.map(({ row, sortValue }) => ({ ...row, sortValue })) };
}

export async function countCompanies(tx: Db, tenantId: string, filter: CompanyFilter): Promise<number> {
  const [result] = await tx.select({ total: count() }).from(company).where(whereOf(tenantId, filter));
  return Number(result?.total ?? 0);
}

async function attachChildren(tx: Db, tenantId: string, rows: CompanyRow[]): Promise<CompanyRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const contacts = await tx
      .select()
      .from(companyContact)
      .where(and(eq(companyContact.tenantId, tenantId), inArray(companyContact.companyId, ids)))
      .orderBy(asc(companyContact.position));
  const externalIds = await tx
      .select()
      .from(companyExternalId)
      .where(and(eq(companyExternalId.tenantId, tenantId), inArray(companyExternalId.companyId, ids)))
      .orderBy(asc(companyExternalId.system), asc(companyExternalId.value));
  return rows.map((row) => ({
    ...row,
    contacts: contacts.filter((contact) => contact.companyId === row.id),
    externalIds: externalIds.filter((ref) => ref.companyId === row.id).map(({ system, value }) => ({ system, value })),
  }));
}

export async function findCompany(tx: Db, tenantId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<CompanyRecord | null> {
  const query = tx
    .select()
    .from(company)
    .where(and(eq(company.tenantId, tenantId), eq(company.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) return null;
  const [record] = await attachChildren(tx, tenantId, [row]);
  return record ?? null;
}

/** Inserts companies with their contacts and external IDs, a few statements for the whole batch. */
export async function insertCompanies(
  tx: Db,
  rows: { company: CompanyInsert; contacts: Omit<ContactRow, 'tenantId' | 'companyId'>[]; externalIds: { system: string; value: string }[] }[],
): Promise<void> {
  if (rows.length === 0) return;
  await insertJsonRecords(tx, company, rows.map((row) => row.company));
  await insertJsonRecords(tx, companyContact, rows.flatMap((row) => row.contacts.map((contact) => ({ ...contact, tenantId: row.company.tenantId, companyId: row.company.id }))));
  await insertJsonRecords(tx, companyExternalId, rows.flatMap((row) => row.externalIds.map((ref) => ({ ...ref, tenantId: row.company.tenantId, companyId: row.company.id }))));
}

/** Companies by id with their contacts and external IDs (one query per table for the whole set). */
export async function findCompanies(tx: Db, tenantId: string, ids: string[]): Promise<Map<string, CompanyRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(company)
    .where(and(eq(company.tenantId, tenantId), inArray(company.id, ids)));
  const records = await attachChildren(tx, tenantId, rows);
  return new Map(records.map((record) => [record.id, record]));
}

/** Updates when the stored version is still `expectedVersion`; returns false when somebody saved first. */
export async function updateCompany(tx: Db, tenantId: string, id: string, expectedVersion: number, changes: Partial<CompanyInsert>): Promise<boolean> {
  const updated = await tx
    .update(company)
    .set({ ...changes, version: sql`${company.version} + 1` })
    .where(and(eq(company.tenantId, tenantId), eq(company.id, id), eq(company.version, expectedVersion)))
    .returning({ id: company.id });
  return updated.length === 1;
}

export async function replaceContacts(tx: Db, tenantId: string, companyId: string, contacts: Omit<ContactRow, 'tenantId' | 'companyId'>[]): Promise<void> {
  await tx.delete(companyContact).where(and(eq(companyContact.tenantId, tenantId), eq(companyContact.companyId, companyId)));
  if (contacts.length > 0) {
    await tx.insert(companyContact).values(contacts.map((contact) => ({ ...contact, tenantId, companyId })));
  }
}

export async function replaceExternalIds(tx: Db, tenantId: string, companyId: string, externalIds: { system: string; value: string }[]): Promise<void> {
  await tx.delete(companyExternalId).where(and(eq(companyExternalId.tenantId, tenantId), eq(companyExternalId.companyId, companyId)));
  if (externalIds.length > 0) {
    await tx.insert(companyExternalId).values(externalIds.map((ref) => ({ ...ref, tenantId, companyId })));
  }
}

/** External IDs already used by another company of the tenant (they are unique per tenant). */
export async function findExternalIdOwners(tx: Db, tenantId: string, externalIds: { system: string; value: string }[]): Promise<{ system: string; value: string; companyId: string }[]> {
  if (externalIds.length === 0) return [];
  return tx
    .select({ system: companyExternalId.system, value: companyExternalId.value, companyId: companyExternalId.companyId })
    .from(companyExternalId)
    .where(
      and(
        eq(companyExternalId.tenantId, tenantId),
        or(...externalIds.map((ref) => and(eq(companyExternalId.system, ref.system), eq(companyExternalId.value, ref.value)))),
      ),
    );
}

/** Likely duplicates: the same 法人番号, or the same (normalised) name in the same municipality. */
export async function findLikelyDuplicates(
  tx: Db,
  tenantId: string,
  probe: { corporateNumber: string | null; nameKey: string | null; municipalityCode: string | null; excludeId: string | null },
): Promise<(CompanyRow & { reason: 'corporate_number' | 'name_and_municipality' })[]> {
  const reasons: SQL[] = [];
  if (probe.corporateNumber) reasons.push(eq(company.corporateNumber, probe.corporateNumber));
  if (probe.nameKey && probe.municipalityCode) {
    reasons.push(and(eq(company.municipalityCode, probe.municipalityCode), eq(company.nameKey, probe.nameKey))!);
  }
  if (reasons.length === 0) return [];
  const rows = await tx
    .select()
    .from(company)
    .where(and(eq(company.tenantId, tenantId), or(...reasons), probe.excludeId ? sql`${company.id} <> ${probe.excludeId}::uuid` : undefined))
    .orderBy(asc(company.nameSort))
    .limit(10);
  return rows.map((row) => ({
    ...row,
    reason: probe.corporateNumber && row.corporateNumber === probe.corporateNumber ? 'corporate_number' : 'name_and_municipality',
  }));
}

/** Import matching: companies of the tenant by id, external id or 法人番号. */
export async function findImportMatches(
  tx: Db,
  tenantId: string,
  keys: { ids: string[]; externalIds: { system: string; value: string }[]; corporateNumbers: string[] },
): Promise<{ byId: Map<string, string>; byExternalId: Map<string, string>; byCorporateNumber: Map<string, string[]> }> {
  const idRows = keys.ids.length
    ? await tx.select({ id: company.id }).from(company).where(and(eq(company.tenantId, tenantId), inArray(company.id, keys.ids)))
    : [];
  const externalRows = await findExternalIdOwners(tx, tenantId, keys.externalIds);
  const numberRows = keys.corporateNumbers.length
    ? await tx
        .select({ id: company.id, corporateNumber: company.corporateNumber })
        .from(company)
        .where(and(eq(company.tenantId, tenantId), inArray(company.corporateNumber, keys.corporateNumbers)))
    : [];
  const byCorporateNumber = new Map<string, string[]>();
  for (const row of numberRows) {
    const list = byCorporateNumber.get(row.corporateNumber!) ?? [];
    list.push(row.id);
    byCorporateNumber.set(row.corporateNumber!, list);
  }
  return {
    byId: new Map(idRows.map((row) => [row.id, row.id])),
    byExternalId: new Map(externalRows.map((row) => [`${row.system}\u0000${row.value}`, row.companyId])),
    byCorporateNumber,
  };
}

/** Adds one contact to a company (the desk's intake records the requester without rewriting the company). */
export async function insertContact(tx: Db, tenantId: string, companyId: string, contact: Omit<ContactRow, 'tenantId' | 'companyId'>): Promise<void> {
  await tx.insert(companyContact).values({ ...contact, tenantId, companyId });
}

/** A company's contacts, in their order. */
export async function listContacts(tx: Db, tenantId: string, companyId: string): Promise<ContactRow[]> {
  return tx
    .select()
    .from(companyContact)
    .where(and(eq(companyContact.tenantId, tenantId), eq(companyContact.companyId, companyId)))
    .orderBy(asc(companyContact.position));
}
