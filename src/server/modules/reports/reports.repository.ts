import { asc, eq, sql } from 'drizzle-orm';
import type { ReportDimensionKey } from '../../../shared/schemas/report';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { deskTheme } from '../../db/schema';
import { countedFacts, type CountingRule } from './counting';

export type PeriodKind = 'month' | 'quarter' | 'total';

/** One cell of the base table: a dimension's code (or 'all' for the whole) over a month, a quarter or the period. */
export interface FigureRow {
  dimension: 'total' | ReportDimensionKey;
  code: string;
  periodKind: PeriodKind;
  /** YYYYMM for a month, FY*10+quarter (20251 = 2025年度 第1四半期) for a quarter, null for the period. */
  periodKey: number | null;
  supports: number;
  companies: number;
  minutes: number;
  extraMinutes: number;
}

interface RawFigureRow {
  dimension: string;
  code: string;
  period_kind: string;
  period_key: number | null;
  supports: number;
  companies: number;
  minutes: number;
  extra_minutes: number;
}

/**
 * A tenant's report statements read a few thousand rows: starting parallel workers costs more than it saves
 * (measured: 40 → 30 ms for the dashboard figures) and takes workers from other tenants. For this transaction.
 */
export async function preferSerialPlans(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT set_config('max_parallel_workers_per_gather', '0', true)`);
}

/**
 * What changes whenever the data behind a report changes, read from three index lookups: the tenant's last
 * audit record (every change the application makes writes one, deletions included) and, as a safety net
 * for writes made outside the services, the last update of a case and of a company. Read it before the
 * figures: a change committed in between then makes the figures newer than the stamp, never older.
 */
export async function findDataStamp(tx: Db, tenantId: string): Promise<string> {
  const result = await tx.execute(sql`
    SELECT (SELECT max(id) FROM audit_event WHERE tenant_id = ${tenantId})::text AS audit,
           (SELECT max(updated_at) FROM desk_case WHERE tenant_id = ${tenantId})::text AS cases,
           (SELECT max(updated_at) FROM company WHERE tenant_id = ${tenantId})::text AS companies`);
  const [row] = rowsOf<{ audit: string | null; cases: string | null; companies: string | null }>(result);
  return `${row?.audit ?? '-'}|${row?.cases ?? '-'}|${row?.companies ?? '-'}`;
}

const byPeriod = (column: string) => sql.raw(`(${column}, month_key), (${column}, quarter_key), (${column})`);
const periodColumns = sql`CASE WHEN GROUPING(month_key) = 0 THEN 'month' WHEN GROUPING(quarter_key) = 0 THEN 'quarter' ELSE 'total' END AS period_kind,
  coalesce(month_key, quarter_key) AS period_key,
  count(*)::int AS supports,
  count(DISTINCT company_no)::int AS companies,
  sum(minutes)::int AS minutes,
  sum(extra_minutes)::int AS extra_minutes`;

/**
 * Every figure of the commission report in ONE statement: the counted activities (a materialised CTE, see
 * counting.ts) aggregated with GROUPING SETS by month, by fiscal quarter and over the period, for the whole
 * and for each dimension; themes are unnested in a second branch (multi-answer). Companies are distinct
 * identities per cell, so quarter and period cells are counted, never summed from months.
 */
export async function findCommissionFigures(tx: Db, tenantId: string, rule: CountingRule): Promise<FigureRow[]> {
  const result = await tx.execute(sql`
    WITH ${countedFacts(tenantId, rule)}
    SELECT CASE WHEN GROUPING(channel) = 0 THEN 'channel'
                WHEN GROUPING(case_type) = 0 THEN 'caseType'
                WHEN GROUPING(is_new) = 0 THEN 'newOrContinuing'
                WHEN GROUPING(jsic_major) = 0 THEN 'jsicMajor'
                WHEN GROUPING(municipality_code) = 0 THEN 'municipality'
                WHEN GROUPING(size_class) = 0 THEN 'sizeClass'
                ELSE 'total' END AS dimension,
           CASE WHEN GROUPING(channel) = 0 THEN channel
                WHEN GROUPING(case_type) = 0 THEN case_type
                WHEN GROUPING(is_new) = 0 THEN CASE WHEN is_new THEN 'new' ELSE 'continuing' END
                WHEN GROUPING(jsic_major) = 0 THEN coalesce(jsic_major, 'unknown')
                WHEN GROUPING(municipality_code) = 0 THEN coalesce(municipality_code, 'unknown')
                WHEN GROUPING(size_class) = 0 THEN size_class
                ELSE 'all' END AS code,
           ${periodColumns}
    FROM facts
    GROUP BY GROUPING SETS ((month_key), (quarter_key), (), ${byPeriod('channel')}, ${byPeriod('case_type')}, ${byPeriod('is_new')},
                            ${byPeriod('jsic_major')}, ${byPeriod('municipality_code')}, ${byPeriod('size_class')})
    UNION ALL
    SELECT 'theme', coalesce(theme_id::text, 'unknown'), ${periodColumns}
    FROM (SELECT unnest(CASE WHEN cardinality(theme_ids) = 0 THEN ARRAY[NULL]::uuid[] ELSE theme_ids END) AS theme_id,
                 month_key, quarter_key, company_no, minutes, extra_minutes
          FROM facts) AS t
    GROUP BY GROUPING SETS (${byPeriod('theme_id')})`);
  return rowsOf<RawFigureRow>(result).map((row) => ({
    dimension: row.dimension as FigureRow['dimension'],
    code: row.code,
    periodKind: row.period_kind as PeriodKind,
    periodKey: row.period_key === null ? null : Number(row.period_key),
    supports: Number(row.supports),
    companies: Number(row.companies),
    minutes: Number(row.minutes),
    extraMinutes: Number(row.extra_minutes),
  }));
}

export interface KpiRow {
  /** YYYYMM, or null for the whole window. */
  monthKey: number | null;
  supports: number;
  companies: number;
  newCompanies: number;
  newSupports: number;
}

/** The dashboard's counting figures, by month and in total, in one statement over the same counted set. */
export async function findKpiFigures(tx: Db, tenantId: string, rule: CountingRule): Promise<KpiRow[]> {
  const result = await tx.execute(sql`
    WITH ${countedFacts(tenantId, rule)}
    SELECT month_key,
           count(*)::int AS supports,
           count(DISTINCT company_no)::int AS companies,
           count(DISTINCT company_no) FILTER (WHERE is_new)::int AS new_companies,
           count(*) FILTER (WHERE is_new)::int AS new_supports
    FROM facts
    GROUP BY GROUPING SETS ((month_key), ())`);
  return rowsOf<{ month_key: number | null; supports: number; companies: number; new_companies: number; new_supports: number }>(result).map((row) => ({
    monthKey: row.month_key === null ? null : Number(row.month_key),
    supports: Number(row.supports),
    companies: Number(row.companies),
    newCompanies: Number(row.new_companies),
    newSupports: Number(row.new_supports),
  }));
}

export interface DeskWorkload {
  /** Cases received in the fiscal year, by status. */
  casesByStatus: Map<string, number>;
  /** All cases by status, whenever received (open cases carry over years). */
  allCasesByStatus: Map<string, number>;
  overdueNextActions: number;
  followUpsDue: number;
}

/**
 * The desk's workload in one statement: cases by status (one pass over the tenant's cases), open next
 * actions past their date (the partial index on open actions) and scheduled follow-ups due by `horizon`.
 */
export async function findDeskWorkload(
  tx: Db,
  tenantId: string,
  options: { fiscalYear: number; today: string; followUpHorizon: string },
): Promise<DeskWorkload> {
  const result = await tx.execute(sql`
    SELECT 'status' AS kind, status AS key, count(*) FILTER (WHERE fiscal_year = ${options.fiscalYear})::int AS in_year, count(*)::int AS total
    FROM desk_case WHERE tenant_id = ${tenantId}
    GROUP BY status
    UNION ALL
    SELECT 'overdue', '', 0, count(*)::int FROM next_action
    WHERE tenant_id = ${tenantId} AND done_at IS NULL AND due_on < ${options.today}::date
    UNION ALL
    SELECT 'follow_up', '', 0, count(*)::int FROM follow_up
    WHERE tenant_id = ${tenantId} AND status = 'scheduled' AND due_on <= ${options.followUpHorizon}::date`);
  const workload: DeskWorkload = { casesByStatus: new Map(), allCasesByStatus: new Map(), overdueNextActions: 0, followUpsDue: 0 };
  for (const row of rowsOf<{ kind: string; key: string; in_year: number; total: number }>(result)) {
    if (row.kind === 'status') {
      workload.casesByStatus.set(row.key, Number(row.in_year));
      workload.allCasesByStatus.set(row.key, Number(row.total));
    } else if (row.kind === 'overdue') workload.overdueNextActions = Number(row.total);
    else workload.followUpsDue = Number(row.total);
  }
  return workload;
}

/** The tenant's themes (archived ones too: past cases may carry them), in the desk's order. */
export async function listThemes(tx: Db, tenantId: string) {
  return tx
    .select({ id: deskTheme.id, name: deskTheme.name, nameEn: deskTheme.nameEn, archivedAt: deskTheme.archivedAt })
    .from(deskTheme)
    .where(eq(deskTheme.tenantId, tenantId))
    .orderBy(asc(deskTheme.position), asc(deskTheme.name));
}
