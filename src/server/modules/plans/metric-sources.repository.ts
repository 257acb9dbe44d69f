import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { countedFacts, type countingRuleOf } from '../reports/counting';

/** The SQL of the desk's metric sources (metric-sources.ts says what each means). Periods are inclusive ISO dates. */

export interface MetricPeriod {
  from: string;
  to: string;
}

/** A programme's counted set over its rule's window, per company identity: supports, minutes, whether new. */
export async function countedByIdentity(tx: Db, tenantId: string, rule: ReturnType<typeof countingRuleOf>) {
  const result = await tx.execute(sql`
    WITH ${countedFacts(tenantId, rule)}
    SELECT identity, bool_or(is_new) AS is_new, count(*)::int AS supports, sum(minutes)::int AS minutes FROM facts GROUP BY identity`);
  return rowsOf<{ identity: string; is_new: boolean; supports: number; minutes: number }>(result).map((row) => ({
    identity: row.identity,
    isNew: row.is_new,
    supports: Number(row.supports),
    minutes: Number(row.minutes),
  }));
}

/** Cases opened in the period, withdrawn ones aside. */
export async function casesReceived(tx: Db, tenantId: string, period: MetricPeriod): Promise<number> {
  const result = await tx.execute(sql`
    SELECT count(*)::int AS cases FROM desk_case WHERE tenant_id = ${tenantId} AND opened_on BETWEEN ${period.from}::date AND ${period.to}::date AND status <> 'withdrawn'`);
  return Number(rowsOf<{ cases: number }>(result)[0]?.cases ?? 0);
}

/** Follow-ups done in the period that recorded the outcome, and the distinct companies they concern. */
export async function followUpOutcomes(tx: Db, tenantId: string, outcome: 'tool_adopted' | 'subsidy_adopted' | 'dx_certified', period: MetricPeriod) {
  const result = await tx.execute(sql`
    SELECT count(DISTINCT c.company_id)::int AS companies, count(*)::int AS follow_ups
    FROM follow_up f JOIN desk_case c ON c.tenant_id = f.tenant_id AND c.id = f.case_id
    WHERE f.tenant_id = ${tenantId} AND c.tenant_id = ${tenantId} AND f.status = 'done'
      AND f.recorded_on BETWEEN ${period.from}::date AND ${period.to}::date AND f.${sql.raw(outcome)} IS TRUE`);
  const [row] = rowsOf<{ companies: number; follow_ups: number }>(result);
  return { companies: Number(row?.companies ?? 0), followUps: Number(row?.follow_ups ?? 0) };
}
