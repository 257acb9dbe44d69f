import { sql, type SQL } from 'drizzle-orm';
import type { ProgrammeRow } from '../programmes/programmes.repository';

/**
 * The counting definition of a funding programme (ADR 0014), as the SQL every report shares.
 *
 * An activity (case_activity) COUNTS for programme P when all of these hold:
 * 1. attribution: its programme_id is P, or it has none (NULL = "the default programme of its date") and P
 *    is an active default (is_default and not archived: an archived programme still reports what was
 *    attributed to it, but absorbs nothing);
 * 2. P.starts_on ≤ occurred_on ≤ P.ends_on (occurred_on is the Asia/Tokyo calendar date, fixed at write);
 * 3. it is reportable;
 * 4. its channel is one of P's counted channels and its case's type one of P's counted case types;
 * 5. its minutes (plus preparation and travel when P.minutes_basis = 'session_and_preparation') reach
 *    P.minimum_minutes.
 *
 * Figures over the counted set:
 * - 延べ件数 (supports): counted activities (one activity is one support, however many staff attended);
 * - 実事業者数 (companies): distinct company identities; the identity is the 法人番号 when P counts by
 *   corporate number and the register entry has one, else the register entry's ID (two entries with the same
 *   法人番号 are one company). Archived companies count like any other;
 * - 新規/継続: an identity is 新規 in a fiscal year when it has no reportable activity (any programme, channel or
 *   case type) dated before 1 April of that year in the tenant, else 継続;
 * - minutes: session minutes, and preparation + travel minutes apart.
 * Company attributes (industry, municipality, size) are the register's current values.
 */
export interface CountingRule {
  programmeId: string;
  /** NULL-attributed activities count for P (P is a default and not archived). */
  absorbsUnattributed: boolean;
  /** The dates counted: P's period, possibly narrowed (a dashboard counts up to today). */
  from: string;
  to: string;
  channels: readonly string[];
  caseTypes: readonly string[];
  minimumMinutes: number;
  includePreparation: boolean;
  useCorporateNumber: boolean;
}

export function countingRuleOf(programme: ProgrammeRow, window: { from?: string; to?: string } = {}): CountingRule {
  return {
    programmeId: programme.id,
    absorbsUnattributed: programme.isDefault && programme.archivedAt === null,
    from: window.from && window.from > programme.startsOn ? window.from : programme.startsOn,
    to: window.to && window.to < programme.endsOn ? window.to : programme.endsOn,
    channels: programme.countedChannels,
    caseTypes: programme.countedCaseTypes,
    minimumMinutes: programme.minimumMinutes,
    includePreparation: programme.minutesBasis === 'session_and_preparation',
    useCorporateNumber: programme.companyIdentity === 'corporate_number',
  };
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/**
 * `counted`: one row per counted activity with what the figures group by; then `facts`: the same rows with
 * the 新規/継続 flag. Both are CTEs for one statement (the caller adds the aggregate).
 *
 * Every predicate is a plain comparison on an indexed column or a filter on the joined row, so under
 * row-level security the planner can still use (tenant_id, programme_id, occurred_on) or (tenant_id,
 * occurred_on) for the period; the joins go by primary key. `continuing` looks back only for the
 * companies in the counted set.
 */
export function countedFacts(tenantId: string, rule: CountingRule): SQL {
  const attribution = rule.absorbsUnattributed
    ? sql`(a.programme_id = ${rule.programmeId} OR a.programme_id IS NULL)`
    : sql`a.programme_id = ${rule.programmeId}`;
  const countedMinutes = rule.includePreparation ? sql`a.minutes + a.preparation_minutes + a.travel_minutes` : sql`a.minutes`;
  const identity = rule.useCorporateNumber ? sql`coalesce(co.corporate_number, co.id::text) COLLATE "C"` : sql`co.id::text COLLATE "C"`;
  // An identity that is a 法人番号 covers every register entry with that number.
  const sameNumber = rule.useCorporateNumber
    ? sql`UNION
      SELECT cc.identity, co.id, cc.fiscal_year
      FROM counted_companies cc JOIN company co ON co.tenant_id = ${tenantId} AND co.corporate_number = cc.identity
      WHERE cc.has_number`
    : sql``;
  return sql`
    counted AS MATERIALIZED (
      SELECT a.occurred_on, a.fiscal_year, a.minutes, a.preparation_minutes + a.travel_minutes AS extra_minutes,
             a.channel, c.case_type, c.theme_ids, co.id AS company_id, ${identity} AS identity,
             ${rule.useCorporateNumber ? sql`co.corporate_number IS NOT NULL` : sql`false`} AS has_number,
             co.jsic_major, co.municipality_code, co.size_class
      FROM case_activity a
      JOIN desk_case c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
      JOIN company co ON co.tenant_id = c.tenant_id AND co.id = c.company_id
      WHERE a.tenant_id = ${tenantId} AND c.tenant_id = ${tenantId} AND co.tenant_id = ${tenantId}
        AND a.occurred_on BETWEEN ${rule.from}::date AND ${rule.to}::date
        AND ${attribution}
        AND a.reportable
        AND a.channel IN (${list(rule.channels)})
        AND c.case_type IN (${list(rule.caseTypes)})
        AND ${countedMinutes} >= ${rule.minimumMinutes}
    ),
    counted_companies AS (SELECT DISTINCT company_id, identity, has_number, fiscal_year FROM counted),
    related AS (SELECT identity, company_id, fiscal_year FROM counted_companies ${sameNumber}),
    -- 継続: some register entry of the identity had a reportable activity before 1 April of the year. The lateral
    -- LIMIT 1 looks it up per company through its cases (desk_case_company_idx, case_activity_case_idx) and stops
    -- at the first: bounded by the counted companies' own history, where a semi-join would hash the tenant's whole
    -- history (measured on PGlite, 50,000 cases: dashboard 265 → 155 ms).
    continuing AS (
      SELECT DISTINCT r.identity, r.fiscal_year
      FROM related r
      CROSS JOIN LATERAL (
        SELECT 1 FROM desk_case c
        JOIN case_activity a ON a.tenant_id = c.tenant_id AND a.case_id = c.id
        WHERE c.tenant_id = ${tenantId} AND a.tenant_id = ${tenantId} AND c.company_id = r.company_id
          AND a.reportable AND a.occurred_on < make_date(r.fiscal_year, 4, 1)
        LIMIT 1
      ) AS earlier
    ),
    -- Identities as small integers: counting distinct integers is much cheaper than distinct text.
    numbered AS (SELECT identity, row_number() OVER () AS company_no FROM (SELECT DISTINCT identity FROM counted_companies) AS d),
    facts AS (
      SELECT k.*, n.company_no,
             p.identity IS NULL AS is_new,
             (extract(year FROM k.occurred_on)::int * 100 + extract(month FROM k.occurred_on)::int) AS month_key,
             (k.fiscal_year * 10 + (extract(month FROM k.occurred_on)::int + 8) % 12 / 3 + 1) AS quarter_key
      FROM counted k
      JOIN numbered n ON n.identity = k.identity
      LEFT JOIN continuing p ON p.identity = k.identity AND p.fiscal_year = k.fiscal_year
    )`;
}
