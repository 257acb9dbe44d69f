import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { openCaseStatuses } from '../../../shared/domain/desk';
import { toSearchText } from '../../../shared/domain/japanese-text';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CaseListQuery, CaseSort } from '../../../shared/schemas/case';
import type { Db } from '../../db/client';
import type { CursorPosition } from '../../platform/cursor';
import {
  authUser,
  caseActivity,
  caseAttachment,
  company,
  deskCase,
  deskCaseParticipant,
  deskTheme,
  followUp,
  membership,
  nextAction,
  painPoint,
  receiptSequence,
} from '../../db/schema';

export type CaseRow = typeof deskCase.$inferSelect;
export type CaseInsert = typeof deskCase.$inferInsert;
export type ParticipantRow = typeof deskCaseParticipant.$inferSelect;
export type PainPointRow = typeof painPoint.$inferSelect;
export type NextActionRow = typeof nextAction.$inferSelect;
export type FollowUpRow = typeof followUp.$inferSelect;
export type AttachmentMetaRow = Omit<typeof caseAttachment.$inferSelect, 'contentBase64'>;

export interface CaseRecord extends CaseRow {
  participants: ParticipantRow[];
  painPoints: PainPointRow[];
  nextActions: NextActionRow[];
  followUps: FollowUpRow[];
  attachments: AttachmentMetaRow[];
  activityCount: number;
}

/** Who is asking, for the row-level part of case permissions (see cases.policy.ts). */
export interface CaseViewer {
  userId: string;
  /** null: every case of the tenant; 'assigned': coordinator or participant; 'shared': partner with consent. */
  scope: 'all' | 'assigned' | 'shared';
}

/** Escapes LIKE wildcards so that a user's 「100%」 searches for the text 「100%」. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The cases a viewer may see: everything, what they are assigned to, or what is shared with them under consent. */
export function visibleTo(viewer: CaseViewer): SQL | undefined {
  const participates = (kind?: string) =>
    sql`EXISTS (SELECT 1 FROM ${deskCaseParticipant} p WHERE p.tenant_id = desk_case.tenant_id AND p.case_id = desk_case.id AND p.user_id = ${viewer.userId}::uuid${kind ? sql` AND p.kind = ${kind}` : sql``})`;
  if (viewer.scope === 'all') return undefined;
  if (viewer.scope === 'assigned') return sql`(${deskCase.coordinatorId} = ${viewer.userId}::uuid OR ${participates('expert')})`;
  return sql`(${deskCase.consentSharePartners} AND ${participates('partner')})`;
}

export type CaseFilter = Omit<CaseListQuery, 'sort' | 'cursor' | 'limit'>;

function whereOf(tenantId: string, viewer: CaseViewer, filter: CaseFilter, today: string): SQL {
  const conditions: (SQL | undefined)[] = [eq(deskCase.tenantId, tenantId), visibleTo(viewer)];
  const openStatuses = sql`${deskCase.status} IN (${sql.join(openCaseStatuses.map((status) => sql`${status}`), sql`, `)})`;
  switch (filter.view) {
    case 'mine':
      conditions.push(
        sql`(${deskCase.coordinatorId} = ${viewer.userId}::uuid OR EXISTS (SELECT 1 FROM ${deskCaseParticipant} p WHERE p.tenant_id = desk_case.tenant_id AND p.case_id = desk_case.id AND p.user_id = ${viewer.userId}::uuid))`,
        openStatuses,
      );
      break;
    case 'unassigned':
      conditions.push(isNull(deskCase.coordinatorId), openStatuses);
      break;
    case 'open':
      conditions.push(openStatuses);
      break;
    case 'overdue':
      conditions.push(
        sql`EXISTS (SELECT 1 FROM ${nextAction} n WHERE n.tenant_id = desk_case.tenant_id AND n.case_id = desk_case.id AND n.done_at IS NULL AND n.due_on < ${today}::date)`,
      );
      break;
    case 'follow_ups_due':
      conditions.push(
        sql`EXISTS (SELECT 1 FROM ${followUp} f WHERE f.tenant_id = desk_case.tenant_id AND f.case_id = desk_case.id AND f.status = 'scheduled' AND f.due_on <= ${today}::date + 14)`,
      );
      break;
    default:
      break;
  }
  const terms = filter.q ? toSearchText(filter.q).split(' ').filter(Boolean) : [];
  for (const term of terms) conditions.push(sql`${deskCase.searchText} LIKE ${likePattern(term)}`);
  if (filter.status?.length) conditions.push(inArray(deskCase.status, filter.status));
  if (filter.caseType) conditions.push(eq(deskCase.caseType, filter.caseType));
  if (filter.themeId) conditions.push(sql`${deskCase.themeIds} @> ARRAY[${filter.themeId}::uuid]`);
  if (filter.coordinatorId) conditions.push(eq(deskCase.coordinatorId, filter.coordinatorId));
  if (filter.companyId) conditions.push(eq(deskCase.companyId, filter.companyId));
  if (filter.fiscalYear) conditions.push(eq(deskCase.fiscalYear, filter.fiscalYear));
  return and(...conditions)!;
}

const sortColumns: Record<Exclude<CaseSort, `-${string}`>, { key: SQL; cast: string }> = {
  updatedAt: { key: sql`${deskCase.updatedAt}`, cast: 'timestamptz' },
  openedOn: { key: sql`${deskCase.openedOn}`, cast: 'date' },
  // Fiscal year first: 受付番号 restart every year and change era letter (H31 → R1).
  receiptNumber: { key: sql`(${deskCase.fiscalYear}::text || ${deskCase.receiptNumber})`, cast: 'text' },
};

export interface CaseListRow extends CaseRow {
  companyName: string;
  nextDueOn: string | null;
  sortValue: string;
}

const listColumns = {
  row: deskCase,
  companyName: company.name,
  nextDueOn: sql<string | null>`(SELECT min(n.due_on)::text FROM ${nextAction} n WHERE n.tenant_id = desk_case.tenant_id AND n.case_id = desk_case.id AND n.done_at IS NULL)`,
};

export async function listCases(
  tx: Db,
  tenantId: string,
  viewer: CaseViewer,
  query: CaseListQuery,
  after: CursorPosition | null,
  today: string,
): Promise<CaseListRow[]> {
  const descending = query.sort.startsWith('-');
  const column = sortColumns[query.sort.replace(/^-/, '') as keyof typeof sortColumns];
  const where = whereOf(tenantId, viewer, query, today);
  const keyset = after
    ? descending
      ? sql`(${column.key}, ${deskCase.id}) < (${after.value}::${sql.raw(column.cast)}, ${after.id}::uuid)`
      : sql`(${column.key}, ${deskCase.id}) > (${after.value}::${sql.raw(column.cast)}, ${after.id}::uuid)`
    : undefined;
  const direction = descending ? desc : asc;
  const rows = await tx
    .select({ ...listColumns, sortValue: sql<string>`(${column.key})::text` })
    .from(deskCase)
    .innerJoin(company, and(eq(company.tenantId, deskCase.tenantId), eq(company.id, deskCase.companyId)))
    .where(keyset ? and(where, keyset) : where)
    .orderBy(direction(column.key), direction(deskCase.id))
    .limit(query.limit + 1);
  return rows.map(({ row, ...rest }) => ({ ...row, ...rest }));
}

export async function countCases(tx: Db, tenantId: string, viewer: CaseViewer, filter: CaseFilter, today: string): Promise<number> {
  const [result] = await tx.select({ total: count() }).from(deskCase).where(whereOf(tenantId, viewer, filter, today));
  return Number(result?.total ?? 0);
}

/** The board: per status, how many cases and the most recently changed ones. */
export async function boardColumns(tx: Db, tenantId: string, viewer: CaseViewer, filter: CaseFilter, perColumn: number, today: string) {
  const where = whereOf(tenantId, viewer, { ...filter, view: filter.view === 'open' ? 'all' : filter.view }, today);
  const totals = await tx.select({ status: deskCase.status, total: count() }).from(deskCase).where(where).groupBy(deskCase.status);
  const ranked = tx
    .select({
      id: deskCase.id,
      rank: sql<number>`row_number() OVER (PARTITION BY ${deskCase.status} ORDER BY ${deskCase.updatedAt} DESC, ${deskCase.id})`.as('rank'),
    })
    .from(deskCase)
    .where(where)
    .as('ranked');
  const rows = await tx
    .select(listColumns)
    .from(deskCase)
    .innerJoin(ranked, eq(ranked.id, deskCase.id))
    .innerJoin(company, and(eq(company.tenantId, deskCase.tenantId), eq(company.id, deskCase.companyId)))
    .where(and(eq(deskCase.tenantId, tenantId), sql`${ranked.rank} <= ${perColumn}`))
    .orderBy(desc(deskCase.updatedAt), asc(deskCase.id));
  return {
    totals: new Map(totals.map((row) => [row.status, Number(row.total)])),
    rows: rows.map(({ row, companyName, nextDueOn }) => ({ ...row, companyName, nextDueOn, sortValue: '' })),
  };
}

export async function findCase(tx: Db, tenantId: string, id: string, options: { forUpdate?: boolean; viewer?: CaseViewer } = {}): Promise<CaseRecord | null> {
  const query = tx
    .select()
    .from(deskCase)
    .where(and(eq(deskCase.tenantId, tenantId), eq(deskCase.id, id), options.viewer ? visibleTo(options.viewer) : undefined));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) return null;
  const where = (table: { tenantId: PgColumn; caseId: PgColumn }) => and(eq(table.tenantId, tenantId), eq(table.caseId, id));
  const participants = await tx.select().from(deskCaseParticipant).where(where(deskCaseParticipant)).orderBy(asc(deskCaseParticipant.addedAt));
  const painPoints = await tx.select().from(painPoint).where(where(painPoint)).orderBy(asc(painPoint.position));
  const nextActions = await tx.select().from(nextAction).where(where(nextAction)).orderBy(asc(nextAction.dueOn), asc(nextAction.createdAt));
  const followUps = await tx.select().from(followUp).where(where(followUp)).orderBy(asc(followUp.dueOn));
  const attachments = await tx
    .select({
      tenantId: caseAttachment.tenantId,
      id: caseAttachment.id,
      caseId: caseAttachment.caseId,
      activityId: caseAttachment.activityId,
      purpose: caseAttachment.purpose,
      fileName: caseAttachment.fileName,
      mediaType: caseAttachment.mediaType,
      sizeBytes: caseAttachment.sizeBytes,
      sha256: caseAttachment.sha256,
      uploadedAt: caseAttachment.uploadedAt,
      uploadedBy: caseAttachment.uploadedBy,
    })
    .from(caseAttachment)
    .where(where(caseAttachment))
    .orderBy(asc(caseAttachment.uploadedAt));
  const [activities] = await tx.select({ total: count() }).from(caseActivity).where(where(caseActivity));
  return { ...row, participants, painPoints, nextActions, followUps, attachments, activityCount: Number(activities?.total ?? 0) };
}

/** Takes the next 受付番号 serial of a fiscal year; the row lock serialises concurrent intakes. */
export async function nextReceiptSerial(tx: Db, tenantId: string, fiscalYear: number): Promise<number> {
  const [row] = await tx
    .insert(receiptSequence)
    .values({ tenantId, fiscalYear, lastNumber: 1 })
    .onConflictDoUpdate({ target: [receiptSequence.tenantId, receiptSequence.fiscalYear], set: { lastNumber: sql`${receiptSequence.lastNumber} + 1` } })
    .returning({ lastNumber: receiptSequence.lastNumber });
  return row!.lastNumber;
}

export async function insertCase(tx: Db, row: CaseInsert): Promise<void> {
  await tx.insert(deskCase).values(row);
}

/** Updates when the stored version is still `expectedVersion`; returns false when somebody saved first. */
export async function updateCase(tx: Db, tenantId: string, id: string, expectedVersion: number, changes: Partial<CaseInsert>): Promise<boolean> {
  const updated = await tx
    .update(deskCase)
    .set({ ...changes, version: sql`${deskCase.version} + 1` })
    .where(and(eq(deskCase.tenantId, tenantId), eq(deskCase.id, id), eq(deskCase.version, expectedVersion)))
    .returning({ id: deskCase.id });
  return updated.length === 1;
}

/** Bumps the case's version and time when something under it changes (an activity, a file): lists show it moved. */
export async function touchCase(tx: Db, tenantId: string, id: string, userId: string): Promise<void> {
  await tx
    .update(deskCase)
    .set({ updatedAt: new Date(), updatedBy: userId })
    .where(and(eq(deskCase.tenantId, tenantId), eq(deskCase.id, id)));
}

export async function replaceParticipants(tx: Db, tenantId: string, caseId: string, rows: Omit<ParticipantRow, 'tenantId' | 'caseId'>[]): Promise<void> {
  await tx.delete(deskCaseParticipant).where(and(eq(deskCaseParticipant.tenantId, tenantId), eq(deskCaseParticipant.caseId, caseId)));
  if (rows.length > 0) await tx.insert(deskCaseParticipant).values(rows.map((row) => ({ ...row, tenantId, caseId })));
}

export async function replacePainPoints(tx: Db, tenantId: string, caseId: string, rows: Omit<PainPointRow, 'tenantId' | 'caseId'>[]): Promise<void> {
  await tx.delete(painPoint).where(and(eq(painPoint.tenantId, tenantId), eq(painPoint.caseId, caseId)));
  if (rows.length > 0) await tx.insert(painPoint).values(rows.map((row) => ({ ...row, tenantId, caseId })));
}

/** The activity notes of a case, for its search text. */
export async function activityNotes(tx: Db, tenantId: string, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ notes: caseActivity.notes })
    .from(caseActivity)
    .where(and(eq(caseActivity.tenantId, tenantId), eq(caseActivity.caseId, caseId)));
  return rows.map((row) => row.notes).filter((notes): notes is string => !!notes);
}

export async function setSearchText(tx: Db, tenantId: string, caseId: string, searchText: string): Promise<void> {
  await tx.update(deskCase).set({ searchText }).where(and(eq(deskCase.tenantId, tenantId), eq(deskCase.id, caseId)));
}

export async function themesByIds(tx: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: deskTheme.id, name: deskTheme.name, nameEn: deskTheme.nameEn, archivedAt: deskTheme.archivedAt })
    .from(deskTheme)
    .where(and(eq(deskTheme.tenantId, tenantId), inArray(deskTheme.id, ids)));
}

/** Names of people (for coordinator, participants, staff present…), one query for a whole page. */
export async function peopleNames(tx: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: authUser.id, name: authUser.name }).from(authUser).where(inArray(authUser.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function insertFollowUps(tx: Db, rows: (typeof followUp.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(followUp).values(rows);
}

/** A reopened case's scheduled follow-ups no longer apply; closing it again schedules new ones. */
export async function cancelScheduledFollowUps(tx: Db, tenantId: string, caseId: string): Promise<number> {
  const rows = await tx
    .update(followUp)
    .set({ status: 'cancelled', updatedAt: new Date(), version: sql`${followUp.version} + 1` })
    .where(and(eq(followUp.tenantId, tenantId), eq(followUp.caseId, caseId), eq(followUp.status, 'scheduled')))
    .returning({ id: followUp.id });
  return rows.length;
}

/** The tenant's members among `ids`, with role, name and address (to check pickers and to mail them). */
export async function membersByIds(tx: Db, tenantId: string, ids: string[]): Promise<Map<string, { role: string; name: string; email: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: membership.userId, role: membership.role, name: authUser.name, email: authUser.email })
    .from(membership)
    .innerJoin(authUser, eq(authUser.id, membership.userId))
    .where(and(eq(membership.tenantId, tenantId), inArray(membership.userId, unique)));
  return new Map(rows.map((row) => [row.id, { role: row.role, name: row.name, email: row.email }]));
}
