import { type SQLWrapper, and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jsonQueryRows, jsonRows, rowsOf } from '../../db/rows';
import { compositeMethod, indicator, indicatorEvidence, indicatorPeriod, indicatorTargetRevision, indicatorUpdate } from '../../db/schema';

export type IndicatorRow = typeof indicator.$inferSelect;
export type IndicatorInsert = typeof indicator.$inferInsert;
export type PeriodRow = typeof indicatorPeriod.$inferSelect;
export type PeriodInsert = typeof indicatorPeriod.$inferInsert;
export type RevisionRow = typeof indicatorTargetRevision.$inferSelect;
export type UpdateRow = typeof indicatorUpdate.$inferSelect;
export type MethodRow = typeof compositeMethod.$inferSelect;
export type EvidenceMeta = Omit<typeof indicatorEvidence.$inferSelect, 'contentBase64'>;

/** `AND <column> = ANY(ids)` when ids are given (a narrowed read; one parameter however many), else nothing. */
function idFilter(column: string | SQLWrapper, ids: string[] | undefined) {
  return ids ? sql`AND ${typeof column === 'string' ? sql.raw(column) : column} = ANY(${`{${ids.join(',')}}`}::uuid[])` : sql``;
}

/* ----- indicators ----- */

const INDICATOR_KEYS = Object.keys(getTableColumns(indicator)) as (keyof IndicatorRow & string)[];

/** A plan's indicators (all, or those named), in their order; a plan may have thousands (jsonRows). */
export async function listIndicators(tx: Db, tenantId: string, planId: string, ids?: string[]): Promise<IndicatorRow[]> {
  if (ids && ids.length === 0) return [];
  return jsonRows(
    tx,
    indicator,
    INDICATOR_KEYS,
    sql`FROM ${indicator} WHERE ${indicator.tenantId} = ${tenantId} AND ${indicator.planId} = ${planId} ${idFilter(indicator.id, ids)}`,
    sql`r."position", r."name", r."id"`,
  );
}

export async function findIndicator(tx: Db, tenantId: string, id: string): Promise<IndicatorRow | null> {
  const [row] = await tx.select().from(indicator).where(and(eq(indicator.tenantId, tenantId), eq(indicator.id, id)));
  return row ?? null;
}

export async function insertIndicator(tx: Db, row: IndicatorInsert): Promise<void> {
  await tx.insert(indicator).values(row);
}

export async function updateIndicator(tx: Db, tenantId: string, id: string, expectedVersion: number, changes: Partial<IndicatorInsert>): Promise<IndicatorRow | null> {
  const [row] = await tx
    .update(indicator)
    .set({ ...changes, updatedAt: new Date(), version: sql`${indicator.version} + 1` })
    .where(and(eq(indicator.tenantId, tenantId), eq(indicator.id, id), eq(indicator.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function deleteIndicator(tx: Db, tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx
    .delete(indicator)
    .where(and(eq(indicator.tenantId, tenantId), eq(indicator.id, id), eq(indicator.version, expectedVersion)))
    .returning({ id: indicator.id });
  return rows.length > 0;
}

export async function nextIndicatorPosition(tx: Db, tenantId: string, planId: string): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${indicator.position}) + 1, 0)::int` })
    .from(indicator)
    .where(and(eq(indicator.tenantId, tenantId), eq(indicator.planId, planId)));
  return Number(row?.next ?? 0);
}

/** Composite indicators of the plan whose latest-or-any method names `componentId` (a part may not be deleted). */
export async function compositesUsing(tx: Db, tenantId: string, componentId: string): Promise<{ id: string; name: string }[]> {
  const result = await tx.execute(sql`
    SELECT DISTINCT i.id, i.name FROM composite_method m JOIN indicator i ON i.tenant_id = m.tenant_id AND i.id = m.indicator_id
    WHERE m.tenant_id = ${tenantId} AND m.components @> ${JSON.stringify([{ indicatorId: componentId }])}::jsonb`);
  return rowsOf<{ id: string; name: string }>(result);
}

/* ----- periods and targets ----- */

export async function listPeriods(tx: Db, tenantId: string, indicatorIds: string[]): Promise<PeriodRow[]> {
  if (indicatorIds.length === 0) return [];
  return tx
    .select()
    .from(indicatorPeriod)
    .where(and(eq(indicatorPeriod.tenantId, tenantId), inArray(indicatorPeriod.indicatorId, indicatorIds)))
    .orderBy(asc(indicatorPeriod.fiscalYear), sql`${indicatorPeriod.half} NULLS FIRST`);
}

/** All periods of a plan in one statement (the plan's figures are computed from them all). */
/** What the figures need of a period (the rest, timestamps mostly, costs parsing on 50,000 rows). */
export type PeriodFigureRow = Pick<PeriodRow, 'id' | 'indicatorId' | 'fiscalYear' | 'half' | 'target' | 'actual' | 'actualUpdateId' | 'approvedAt' | 'lockedAt' | 'version'>;

/**
 * The periods of a plan's indicators in one statement, unordered (callers group them by indicator and sort the
 * few of each). `indicatorIds` narrows the read (a page about one indicator need not read 50,000 periods).
 */
export async function listPlanPeriods(tx: Db, tenantId: string, planId: string, indicatorIds?: string[]): Promise<PeriodFigureRow[]> {
  if (indicatorIds && indicatorIds.length === 0) return [];
  return jsonRows(
    tx,
    indicatorPeriod,
    ['id', 'indicatorId', 'fiscalYear', 'half', 'target', 'actual', 'actualUpdateId', 'approvedAt', 'lockedAt', 'version'],
    sql`FROM ${indicatorPeriod} JOIN ${indicator} ON ${indicator.tenantId} = ${indicatorPeriod.tenantId} AND ${indicator.id} = ${indicatorPeriod.indicatorId}
        WHERE ${indicatorPeriod.tenantId} = ${tenantId} AND ${indicator.tenantId} = ${tenantId} AND ${indicator.planId} = ${planId}
        ${idFilter(indicatorPeriod.indicatorId, indicatorIds)}`,
  );
}

export async function findPeriods(tx: Db, tenantId: string, ids: string[]): Promise<PeriodRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(indicatorPeriod).where(and(eq(indicatorPeriod.tenantId, tenantId), inArray(indicatorPeriod.id, [...new Set(ids)])));
}

export async function findPeriod(tx: Db, tenantId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<PeriodRow | null> {
  const query = tx.select().from(indicatorPeriod).where(and(eq(indicatorPeriod.tenantId, tenantId), eq(indicatorPeriod.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Inserts periods (each with its first target revision); a period that exists is left as it is. */
export async function insertPeriods(tx: Db, rows: PeriodInsert[], revisedBy: string | null): Promise<PeriodRow[]> {
  const inserted: PeriodRow[] = [];
  for (let start = 0; start < rows.length; start += 500) {
    inserted.push(...(await tx.insert(indicatorPeriod).values(rows.slice(start, start + 500)).onConflictDoNothing().returning()));
  }
  const revisions = inserted.filter((row) => row.target !== null);
  for (let start = 0; start < revisions.length; start += 500) {
    await tx.insert(indicatorTargetRevision).values(
      revisions.slice(start, start + 500).map((row) => ({ tenantId: row.tenantId, id: crypto.randomUUID(), periodId: row.id, target: row.target, reason: '', revisedBy })),
    );
  }
  return inserted;
}

export async function updatePeriod(tx: Db, tenantId: string, id: string, expectedVersion: number | null, changes: Partial<PeriodInsert>): Promise<PeriodRow | null> {
  const [row] = await tx
    .update(indicatorPeriod)
    .set({ ...changes, updatedAt: new Date(), version: sql`${indicatorPeriod.version} + 1` })
    .where(
      and(eq(indicatorPeriod.tenantId, tenantId), eq(indicatorPeriod.id, id), expectedVersion === null ? undefined : eq(indicatorPeriod.version, expectedVersion)),
    )
    .returning();
  return row ?? null;
}

export async function insertRevision(tx: Db, row: typeof indicatorTargetRevision.$inferInsert): Promise<void> {
  await tx.insert(indicatorTargetRevision).values(row);
}

export async function listRevisions(tx: Db, tenantId: string, periodIds: string[]): Promise<RevisionRow[]> {
  if (periodIds.length === 0) return [];
  return tx
    .select()
    .from(indicatorTargetRevision)
    .where(and(eq(indicatorTargetRevision.tenantId, tenantId), inArray(indicatorTargetRevision.periodId, periodIds)))
    .orderBy(asc(indicatorTargetRevision.revisedAt), asc(indicatorTargetRevision.id));
}

/**
 * The first target of each period of a plan that was revised since (the original shown beside the current one).
 * Two steps: the revised periods by a streaming count over the revision index, then the first revision of those
 * few only (aggregating every revision of 50,000 periods spilled its sort to disk).
 */
export async function originalTargets(tx: Db, tenantId: string, planId: string, indicatorIds?: string[]): Promise<Map<string, { target: number | null; revisions: number }>> {
  const result = await tx.execute(sql`
    WITH revised AS (
      SELECT r.period_id, count(*)::int AS revisions
      FROM indicator_target_revision r
      JOIN indicator_period p ON p.tenant_id = r.tenant_id AND p.id = r.period_id
      JOIN indicator i ON i.tenant_id = p.tenant_id AND i.id = p.indicator_id
      WHERE r.tenant_id = ${tenantId} AND p.tenant_id = ${tenantId} AND i.tenant_id = ${tenantId} AND i.plan_id = ${planId} ${idFilter('i.id', indicatorIds)}
      GROUP BY r.period_id HAVING count(*) > 1
    )
    SELECT v.period_id, v.revisions,
           (SELECT r.target FROM indicator_target_revision r WHERE r.tenant_id = ${tenantId} AND r.period_id = v.period_id ORDER BY r.revised_at, r.id LIMIT 1) AS first_target
    FROM revised v`);
  return new Map(
    rowsOf<{ period_id: string; first_target: string | null; revisions: number }>(result).map((row) => [
      row.period_id,
      { target: row.first_target === null ? null : Number(row.first_target), revisions: Number(row.revisions) },
    ]),
  );
}

/* ----- composite methods ----- */

export async function listMethods(tx: Db, tenantId: string, indicatorIds: string[]): Promise<MethodRow[]> {
  if (indicatorIds.length === 0) return [];
  return tx
    .select()
    .from(compositeMethod)
    .where(and(eq(compositeMethod.tenantId, tenantId), inArray(compositeMethod.indicatorId, indicatorIds)))
    .orderBy(desc(compositeMethod.methodVersion));
}

export async function listPlanMethods(tx: Db, tenantId: string, planId: string): Promise<MethodRow[]> {
  return tx
    .select({ method: compositeMethod })
    .from(compositeMethod)
    .innerJoin(indicator, and(eq(indicator.tenantId, compositeMethod.tenantId), eq(indicator.id, compositeMethod.indicatorId)))
    .where(and(eq(compositeMethod.tenantId, tenantId), eq(indicator.tenantId, tenantId), eq(indicator.planId, planId)))
    .orderBy(desc(compositeMethod.methodVersion))
    .then((rows) => rows.map((row) => row.method));
}

export async function insertMethod(tx: Db, row: typeof compositeMethod.$inferInsert): Promise<void> {
  await tx.insert(compositeMethod).values(row);
}

/* ----- updates and evidence ----- */

/** The newest update of each period of a plan (what the owner last did), for the internal views. */
export async function latestUpdates(tx: Db, tenantId: string, planId: string, indicatorIds?: string[]): Promise<Map<string, UpdateRow>> {
  const rows = await jsonQueryRows<{ id: string; period_id: string; status: string; value: number | null; submitted_at: string | null }>(
    tx,
    sql`SELECT DISTINCT ON (u.period_id) u.id, u.period_id, u.status, u.value, u.submitted_at
        FROM indicator_update u JOIN indicator i ON i.tenant_id = u.tenant_id AND i.id = u.indicator_id
        WHERE u.tenant_id = ${tenantId} AND i.tenant_id = ${tenantId} AND i.plan_id = ${planId} ${idFilter('i.id', indicatorIds)}
        ORDER BY u.period_id, u.created_at DESC, u.id DESC`,
  );
  return new Map(
    rows.map((row) => [
      row.period_id,
      { id: row.id, periodId: row.period_id, status: row.status, value: row.value, submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at) } as UpdateRow,
    ]),
  );
}

export async function listUpdates(tx: Db, tenantId: string, filter: { periodId?: string; status?: string; planId?: string; userId?: string; limit?: number }): Promise<UpdateRow[]> {
  const query = tx
    .select({ update: indicatorUpdate })
    .from(indicatorUpdate)
    .innerJoin(indicator, and(eq(indicator.tenantId, indicatorUpdate.tenantId), eq(indicator.id, indicatorUpdate.indicatorId)))
    .where(
      and(
        eq(indicatorUpdate.tenantId, tenantId),
        eq(indicator.tenantId, tenantId),
        filter.periodId ? eq(indicatorUpdate.periodId, filter.periodId) : undefined,
        filter.status ? eq(indicatorUpdate.status, filter.status) : undefined,
        filter.planId ? eq(indicator.planId, filter.planId) : undefined,
        filter.userId ? sql`(${indicatorUpdate.createdBy} = ${filter.userId} OR ${indicatorUpdate.submittedBy} = ${filter.userId})` : undefined,
      ),
    )
    .orderBy(desc(indicatorUpdate.createdAt), desc(indicatorUpdate.id))
    .limit(filter.limit ?? 200);
  return (await query).map((row) => row.update);
}

export async function findUpdate(tx: Db, tenantId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<UpdateRow | null> {
  const query = tx.select().from(indicatorUpdate).where(and(eq(indicatorUpdate.tenantId, tenantId), eq(indicatorUpdate.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertUpdate(tx: Db, row: typeof indicatorUpdate.$inferInsert): Promise<UpdateRow> {
  const [inserted] = await tx.insert(indicatorUpdate).values(row).returning();
  return inserted!;
}

export async function changeUpdate(
  tx: Db,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof indicatorUpdate.$inferInsert>,
): Promise<UpdateRow | null> {
  const [row] = await tx
    .update(indicatorUpdate)
    .set({ ...changes, updatedAt: new Date(), version: sql`${indicatorUpdate.version} + 1` })
    .where(and(eq(indicatorUpdate.tenantId, tenantId), eq(indicatorUpdate.id, id), eq(indicatorUpdate.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** An update still open on the period (draft, submitted or returned): a period has at most one at a time. */
export async function openUpdateOf(tx: Db, tenantId: string, periodId: string): Promise<UpdateRow | null> {
  const [row] = await tx
    .select()
    .from(indicatorUpdate)
    .where(and(eq(indicatorUpdate.tenantId, tenantId), eq(indicatorUpdate.periodId, periodId), inArray(indicatorUpdate.status, ['draft', 'submitted', 'returned'])))
    .limit(1);
  return row ?? null;
}

export async function listEvidence(tx: Db, tenantId: string, updateIds: string[]): Promise<EvidenceMeta[]> {
  if (updateIds.length === 0) return [];
  return tx
    .select({
      tenantId: indicatorEvidence.tenantId,
      id: indicatorEvidence.id,
      updateId: indicatorEvidence.updateId,
      fileName: indicatorEvidence.fileName,
      mediaType: indicatorEvidence.mediaType,
      sizeBytes: indicatorEvidence.sizeBytes,
      sha256: indicatorEvidence.sha256,
      uploadedAt: indicatorEvidence.uploadedAt,
      uploadedBy: indicatorEvidence.uploadedBy,
    })
    .from(indicatorEvidence)
    .where(and(eq(indicatorEvidence.tenantId, tenantId), inArray(indicatorEvidence.updateId, updateIds)))
    .orderBy(asc(indicatorEvidence.uploadedAt));
}

export async function insertEvidence(tx: Db, row: typeof indicatorEvidence.$inferInsert): Promise<void> {
  await tx.insert(indicatorEvidence).values(row);
}

export async function findEvidence(tx: Db, tenantId: string, updateId: string, id: string) {
  const [row] = await tx
    .select()
    .from(indicatorEvidence)
    .where(and(eq(indicatorEvidence.tenantId, tenantId), eq(indicatorEvidence.updateId, updateId), eq(indicatorEvidence.id, id)));
  return row ?? null;
}

export async function deleteEvidence(tx: Db, tenantId: string, updateId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(indicatorEvidence)
    .where(and(eq(indicatorEvidence.tenantId, tenantId), eq(indicatorEvidence.updateId, updateId), eq(indicatorEvidence.id, id)))
    .returning({ id: indicatorEvidence.id });
  return rows.length > 0;
}

/** Periods due for a reminder: not locked, not reminded, no approved actual and no update submitted. */
export async function periodsToRemind(tx: Db, tenantId: string) {
  const result = await tx.execute(sql`
    SELECT p.id AS period_id, p.fiscal_year, p.half, i.id AS indicator_id, i.name, i.owner_ids, i.node_id, n.owner_ids AS node_owner_ids,
           pl.id AS plan_id, pl.title AS plan_title, pl.first_half_due, pl.year_due, pl.reminder_days, i.periodicity
    FROM indicator_period p
    JOIN indicator i ON i.tenant_id = p.tenant_id AND i.id = p.indicator_id
    JOIN plan pl ON pl.tenant_id = i.tenant_id AND pl.id = i.plan_id
    LEFT JOIN plan_node n ON n.tenant_id = i.tenant_id AND n.id = i.node_id
    WHERE p.tenant_id = ${tenantId} AND p.locked_at IS NULL AND p.reminded_at IS NULL AND p.actual IS NULL
      AND pl.archived_at IS NULL AND i.kind = 'manual'
      AND ((i.periodicity = 'year' AND p.half IS NULL) OR (i.periodicity = 'half' AND p.half IS NOT NULL))
      AND NOT EXISTS (SELECT 1 FROM indicator_update u WHERE u.tenant_id = p.tenant_id AND u.period_id = p.id AND u.status IN ('submitted', 'approved'))`);
  return rowsOf<{
    period_id: string;
    fiscal_year: number;
    half: number | null;
    indicator_id: string;
    name: string;
    owner_ids: string[];
    node_id: string | null;
    node_owner_ids: string[] | null;
    plan_id: string;
    plan_title: string;
    first_half_due: string;
    year_due: string;
    reminder_days: number;
    periodicity: string;
  }>(result);
}

export async function markReminded(tx: Db, tenantId: string, periodIds: string[]): Promise<void> {
  if (periodIds.length === 0) return;
  await tx.update(indicatorPeriod).set({ remindedAt: new Date() }).where(and(eq(indicatorPeriod.tenantId, tenantId), inArray(indicatorPeriod.id, periodIds)));
}
