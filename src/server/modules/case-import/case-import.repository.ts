import { and, asc, eq, getTableColumns, getTableName, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import {
  authUser,
  caseActivity,
  company,
  companyExternalId,
  deskCase,
  deskTheme,
  fundingProgramme,
  importJob,
  membership,
  painPoint,
  receiptSequence,
} from '../../db/schema';

/**
 * `column = ANY(values)` with the values as ONE JSON parameter: a batch names hundreds of keys, and one
 * string is far cheaper for both drivers (and PGlite above all) than hundreds of parameters. The array is
 * built once (an InitPlan) and compared with `= ANY`, which the planner answers with an index scan; an
 * `IN (SELECT jsonb_array_elements…)` semi-join is estimated blindly and, on a large table whose statistics
 * lag behind an import, was planned as a scan taking 22 s per batch (measured on the server, 1.1M activities).
 */
function inList(column: AnyPgColumn | SQL, values: string[], type: 'text' | 'uuid' = 'text'): SQL {
  return sql`${column} = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(values)])}::jsonb)::${sql.raw(type)}))`;
}

// ---------------------------------------------------------------- jobs

const { fileBase64: _fileBase64, ...jobColumns } = getTableColumns(importJob);
export type CaseImportJobRow = Omit<typeof importJob.$inferSelect, 'fileBase64'>;
const ownKinds = ['cases', 'activities'];

export async function insertJob(tx: Db, row: Omit<typeof importJob.$inferInsert, 'fileBase64'> & { file: Buffer }): Promise<void> {
  const { file, ...columns } = row;
  await tx.insert(importJob).values({ ...columns, fileBase64: file.toString('base64') });
}

/** A case or activity import job (never a register import), without its file. */
export async function findJob(tx: Db, tenantId: string, id: string): Promise<CaseImportJobRow | null> {
  const [row] = await tx
    .select(jobColumns)
    .from(importJob)
    .where(and(eq(importJob.tenantId, tenantId), eq(importJob.id, id), inArray(importJob.kind, ownKinds)));
  return row ?? null;
}

export async function findJobFile(tx: Db, tenantId: string, id: string): Promise<Buffer | null> {
  const [row] = await tx
    .select({ fileBase64: importJob.fileBase64 })
    .from(importJob)
    .where(and(eq(importJob.tenantId, tenantId), eq(importJob.id, id), inArray(importJob.kind, ownKinds)));
  return row ? Buffer.from(row.fileBase64, 'base64') : null;
}

export async function updateJob(tx: Db, tenantId: string, id: string, changes: Partial<typeof importJob.$inferInsert>): Promise<void> {
  await tx
    .update(importJob)
    .set({ ...changes, heartbeatAt: new Date() })
    .where(and(eq(importJob.tenantId, tenantId), eq(importJob.id, id)));
}

// ---------------------------------------------------------------- what names resolve to (small: read once per batch)

export async function listThemes(tx: Db, tenantId: string) {
  return tx
    .select({ id: deskTheme.id, name: deskTheme.name, nameEn: deskTheme.nameEn, archivedAt: deskTheme.archivedAt })
    .from(deskTheme)
    .where(eq(deskTheme.tenantId, tenantId));
}

export async function listMembers(tx: Db, tenantId: string) {
  return tx
    .select({ id: membership.userId, role: membership.role, name: authUser.name, email: authUser.email })
    .from(membership)
    .innerJoin(authUser, eq(authUser.id, membership.userId))
    .where(eq(membership.tenantId, tenantId));
}

export async function listProgrammes(tx: Db, tenantId: string) {
  return tx.select({ id: fundingProgramme.id, name: fundingProgramme.name }).from(fundingProgramme).where(eq(fundingProgramme.tenantId, tenantId));
}

// ---------------------------------------------------------------- companies

export interface CompanyMatchRow {
  id: string;
  name: string;
  corporateNumber: string | null;
  archivedAt: Date | null;
}

/** Companies of the tenant by register ID, 法人番号 or external ID (with its system, or by value in any system). */
export async function findCompanyMatches(
  tx: Db,
  tenantId: string,
  keys: { ids: string[]; corporateNumbers: string[]; externalIds: { system: string; value: string }[]; externalValues: string[] },
) {
  const columns = { id: company.id, name: company.name, corporateNumber: company.corporateNumber, archivedAt: company.archivedAt };
  const byId = new Map<string, CompanyMatchRow>();
  const conditions: SQL[] = [];
  if (keys.ids.length > 0) conditions.push(inList(company.id, keys.ids, 'uuid'));
  if (keys.corporateNumbers.length > 0) conditions.push(inList(company.corporateNumber, keys.corporateNumbers));
  if (conditions.length > 0) {
    for (const row of await tx.select(columns).from(company).where(and(eq(company.tenantId, tenantId), or(...conditions)))) byId.set(row.id, row);
  }
  const externalConditions: SQL[] = [];
  const pairs = keys.externalIds.map((ref) => `${ref.system}\u0000${ref.value}`);
  if (pairs.length > 0) externalConditions.push(inList(sql`${companyExternalId.system} || chr(0) || ${companyExternalId.value}`, pairs));
  if (keys.externalValues.length > 0) externalConditions.push(inList(companyExternalId.value, keys.externalValues));
  const externalRows =
    externalConditions.length > 0
      ? await tx
          .select({ ...columns, system: companyExternalId.system, value: companyExternalId.value })
          .from(companyExternalId)
          .innerJoin(company, and(eq(company.tenantId, companyExternalId.tenantId), eq(company.id, companyExternalId.companyId)))
          .where(and(eq(companyExternalId.tenantId, tenantId), or(...externalConditions)))
      : [];
  const byExternal = new Map<string, string[]>();
  const byExternalValue = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    map.set(key, list);
  };
  for (const row of externalRows) {
    byId.set(row.id, { id: row.id, name: row.name, corporateNumber: row.corporateNumber, archivedAt: row.archivedAt });
    add(byExternal, `${row.system}\u0000${row.value}`, row.id);
    add(byExternalValue, row.value, row.id);
  }
  const byCorporateNumber = new Map<string, string[]>();
  for (const row of byId.values()) if (row.corporateNumber) add(byCorporateNumber, row.corporateNumber, row.id);
  return { byId, byCorporateNumber, byExternal, byExternalValue };
}

// ---------------------------------------------------------------- cases

const caseImportColumns = {
  id: deskCase.id,
  receiptNumber: deskCase.receiptNumber,
  fiscalYear: deskCase.fiscalYear,
  caseType: deskCase.caseType,
  status: deskCase.status,
  companyId: deskCase.companyId,
  title: deskCase.title,
  description: deskCase.description,
  preferredChannel: deskCase.preferredChannel,
  themeIds: deskCase.themeIds,
  coordinatorId: deskCase.coordinatorId,
  consentTerms: deskCase.consentTerms,
  consentSharePartners: deskCase.consentSharePartners,
  openedOn: deskCase.openedOn,
  closedOn: deskCase.closedOn,
  outcomeSummary: deskCase.outcomeSummary,
  externalRef: deskCase.externalRef,
  statusChangedAt: deskCase.statusChangedAt,
  version: deskCase.version,
};
export type CaseImportRow = { [K in keyof typeof caseImportColumns]: (typeof deskCase.$inferSelect)[K] };

/** The cases a batch of rows names by ID, external ID or 受付番号: one query. */
export async function findCaseMatches(tx: Db, tenantId: string, keys: { ids: string[]; externalRefs: string[]; receiptNumbers: string[] }): Promise<CaseImportRow[]> {
  const conditions: SQL[] = [];
  if (keys.ids.length > 0) conditions.push(inList(deskCase.id, keys.ids, 'uuid'));
  if (keys.externalRefs.length > 0) conditions.push(inList(deskCase.externalRef, keys.externalRefs));
  if (keys.receiptNumbers.length > 0) conditions.push(inList(deskCase.receiptNumber, keys.receiptNumbers));
  if (conditions.length === 0) return [];
  return tx
    .select(caseImportColumns)
    .from(deskCase)
    .where(and(eq(deskCase.tenantId, tenantId), or(...conditions)));
}

/** Makes sure the 受付番号 sequence of a year is past numbers a file brought in (so the next intake does not collide). */
export async function raiseReceiptSequence(tx: Db, tenantId: string, fiscalYear: number, atLeast: number): Promise<void> {
  await tx
    .insert(receiptSequence)
    .values({ tenantId, fiscalYear, lastNumber: atLeast })
    .onConflictDoUpdate({
      target: [receiptSequence.tenantId, receiptSequence.fiscalYear],
      set: { lastNumber: sql`GREATEST(${receiptSequence.lastNumber}, ${atLeast})` },
    });
}

/** Takes `count` consecutive 受付番号 serials of a year at once (nextReceiptSerial's rule, for a batch): returns the first. */
export async function takeReceiptSerials(tx: Db, tenantId: string, fiscalYear: number, count: number): Promise<number> {
  const [row] = await tx
    .insert(receiptSequence)
    .values({ tenantId, fiscalYear, lastNumber: count })
    .onConflictDoUpdate({ target: [receiptSequence.tenantId, receiptSequence.fiscalYear], set: { lastNumber: sql`${receiptSequence.lastNumber} + ${count}` } })
    .returning({ lastNumber: receiptSequence.lastNumber });
  return row!.lastNumber - count + 1;
}

/** 受付番号 already taken in the tenant, among `numbers`. */
export async function takenReceiptNumbers(tx: Db, tenantId: string, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await tx
    .select({ receiptNumber: deskCase.receiptNumber })
    .from(deskCase)
    .where(and(eq(deskCase.tenantId, tenantId), inList(deskCase.receiptNumber, numbers)));
  return new Set(rows.map((row) => row.receiptNumber));
}

/**
 * Updates many rows with ONE parameter (the rows as JSON), matched on the tenant and `id`: the
 * counterpart of insertJsonRecords. Every row must set the same columns; the version goes up by one.
 */
export async function updateJsonRecords<T extends PgTable>(tx: Db, table: T, rows: ({ tenantId: string; id: string } & Partial<T['$inferInsert']>)[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const all = getTableColumns(table);
  const columns = Object.entries(all).filter(([key]) => key in first);
  const definitions = sql.raw(columns.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(', '));
  const assignments = sql.join(
    columns.filter(([key]) => key !== 'tenantId' && key !== 'id').map(([, column]) => sql`${sql.identifier(column.name)} = r.${sql.identifier(column.name)}`),
    sql`, `,
  );
  const records = rows.map((row) =>
    Object.fromEntries(
      columns.map(([key, column]) => {
        const value = (row as Record<string, unknown>)[key];
        return [column.name, value instanceof Date ? value.toISOString() : (value ?? null)];
      }),
    ),
  );
  const name = sql.identifier(getTableName(table));
  await tx.execute(
    sql`UPDATE ${name} AS t SET ${assignments}, "version" = t."version" + 1 FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(${definitions}) WHERE t."tenant_id" = r."tenant_id" AND t."id" = r."id"`,
  );
}

/** What a case's search text is made of, for many cases at once (3 queries instead of several per case). */
export async function searchTextSources(tx: Db, tenantId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  const ids = [...new Set(caseIds)];
  const cases = await tx
    .select({
      id: deskCase.id,
      receiptNumber: deskCase.receiptNumber,
      title: deskCase.title,
      description: deskCase.description,
      outcomeSummary: deskCase.outcomeSummary,
      companyName: company.name,
    })
    .from(deskCase)
    .innerJoin(company, and(eq(company.tenantId, deskCase.tenantId), eq(company.id, deskCase.companyId)))
    .where(and(eq(deskCase.tenantId, tenantId), inList(deskCase.id, ids, 'uuid')));
  const pains = await tx
    .select({ caseId: painPoint.caseId, process: painPoint.process, sufferer: painPoint.sufferer, description: painPoint.description })
    .from(painPoint)
    .where(and(eq(painPoint.tenantId, tenantId), inList(painPoint.caseId, ids, 'uuid')))
    .orderBy(asc(painPoint.position));
  const notes = await tx
    .select({ caseId: caseActivity.caseId, notes: caseActivity.notes })
    .from(caseActivity)
    .where(and(eq(caseActivity.tenantId, tenantId), inList(caseActivity.caseId, ids, 'uuid'), sql`${caseActivity.notes} IS NOT NULL`));
  return cases.map((row) => ({
    ...row,
    painPoints: pains.filter((pain) => pain.caseId === row.id),
    activityNotes: notes.filter((note) => note.caseId === row.id).map((note) => note.notes!),
  }));
}

/** Sets search texts (and, when `touchedBy` is given, marks the cases as changed now, as adding an activity does). */
export async function setSearchTexts(tx: Db, tenantId: string, rows: { id: string; searchText: string }[], touchedBy: string | null): Promise<void> {
  if (rows.length === 0) return;
  const records = JSON.stringify(rows.map((row) => ({ id: row.id, search_text: row.searchText })));
  const touch = touchedBy ? sql`, "updated_at" = now(), "updated_by" = ${touchedBy}::uuid` : sql``;
  await tx.execute(
    sql`UPDATE "desk_case" AS t SET "search_text" = r."search_text"${touch} FROM jsonb_to_recordset(${records}::jsonb) AS r("id" uuid, "search_text" text) WHERE t."tenant_id" = ${tenantId}::uuid AND t."id" = r."id"`,
  );
}

// ---------------------------------------------------------------- activities

/** The cases activity rows refer to, by ID (of the activities matched), 受付番号 or external ID. */
export async function findCaseRefs(tx: Db, tenantId: string, keys: { ids: string[]; receiptNumbers: string[]; externalRefs: string[] }) {
  const conditions: SQL[] = [];
  if (keys.ids.length > 0) conditions.push(inList(deskCase.id, keys.ids, 'uuid'));
  if (keys.receiptNumbers.length > 0) conditions.push(inList(deskCase.receiptNumber, keys.receiptNumbers));
  if (keys.externalRefs.length > 0) conditions.push(inList(deskCase.externalRef, keys.externalRefs));
  if (conditions.length === 0) return [];
  return tx
    .select({ id: deskCase.id, receiptNumber: deskCase.receiptNumber, externalRef: deskCase.externalRef, openedOn: deskCase.openedOn })
    .from(deskCase)
    .where(and(eq(deskCase.tenantId, tenantId), or(...conditions)));
}

export type ActivityImportRow = typeof caseActivity.$inferSelect;

export async function findActivityMatches(tx: Db, tenantId: string, keys: { ids: string[]; externalRefs: string[] }): Promise<ActivityImportRow[]> {
  const conditions: SQL[] = [];
  if (keys.ids.length > 0) conditions.push(inList(caseActivity.id, keys.ids, 'uuid'));
  if (keys.externalRefs.length > 0) conditions.push(inList(caseActivity.externalRef, keys.externalRefs));
  if (conditions.length === 0) return [];
  return tx
    .select()
    .from(caseActivity)
    .where(and(eq(caseActivity.tenantId, tenantId), or(...conditions)));
}

// ---------------------------------------------------------------- export pages

export async function caseExportPage(tx: Db, tenantId: string, fiscalYear: number | undefined, after: string | null, limit: number) {
  return tx
    .select({
      ...getTableColumns(deskCase),
      companyName: company.name,
      companyCorporateNumber: company.corporateNumber,
    })
    .from(deskCase)
    .innerJoin(company, and(eq(company.tenantId, deskCase.tenantId), eq(company.id, deskCase.companyId)))
    .where(
      and(
        eq(deskCase.tenantId, tenantId),
        fiscalYear === undefined ? undefined : eq(deskCase.fiscalYear, fiscalYear),
        after === null ? undefined : gt(deskCase.receiptNumber, after),
      ),
    )
    .orderBy(asc(deskCase.receiptNumber))
    .limit(limit);
}

export async function activityExportPage(tx: Db, tenantId: string, fiscalYear: number | undefined, after: { occurredAt: Date; id: string } | null, limit: number) {
  return tx
    .select({ ...getTableColumns(caseActivity), caseReceiptNumber: deskCase.receiptNumber, caseExternalRef: deskCase.externalRef })
    .from(caseActivity)
    .innerJoin(deskCase, and(eq(deskCase.tenantId, caseActivity.tenantId), eq(deskCase.id, caseActivity.caseId)))
    .where(
      and(
        eq(caseActivity.tenantId, tenantId),
        fiscalYear === undefined ? undefined : eq(caseActivity.fiscalYear, fiscalYear),
        after === null ? undefined : sql`(${caseActivity.occurredAt}, ${caseActivity.id}) > (${after.occurredAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(caseActivity.occurredAt), asc(caseActivity.id))
    .limit(limit);
}
