/**
 * The documented schema of the plans' open data (GET /api/v1/public/open-data/schema). The CSV has one row
 * per indicator period with these columns, in this order; the JSON holds the plan, its nodes and indicators
 * with the same field meanings. IDs are UUIDs that never change for the life of a plan, node or indicator.
 * Only approved actuals appear. Column names are stable; new columns are only ever added at the end.
 */
export const OPEN_DATA_CSV_COLUMNS = [
  { key: 'plan_id', type: 'uuid', ja: '計画ID', en: 'Plan ID' },
  { key: 'plan_title', type: 'string', ja: '計画名', en: 'Plan title' },
  { key: 'organisation', type: 'string', ja: '策定主体', en: 'Organisation' },
  { key: 'node_id', type: 'uuid|null', ja: '施策体系の項目ID（計画全体の指標は空欄）', en: 'Node ID (empty for plan-level indicators)' },
  { key: 'node_code', type: 'string|null', ja: '項目番号', en: 'Node reference' },
  { key: 'node_level', type: 'string|null', ja: '階層名（分野・取組分野など）', en: 'Level name' },
  { key: 'node_title', type: 'string|null', ja: '項目名', en: 'Node title' },
  { key: 'indicator_id', type: 'uuid', ja: '指標ID', en: 'Indicator ID' },
  { key: 'indicator_code', type: 'string|null', ja: '指標番号', en: 'Indicator reference' },
  { key: 'indicator_name', type: 'string', ja: '指標名', en: 'Indicator name' },
  { key: 'unit', type: 'string', ja: '単位', en: 'Unit' },
  { key: 'direction', type: '"higher"|"lower"', ja: '望ましい方向（higher: 大きいほど良い、lower: 小さいほど良い）', en: 'Better when higher or lower' },
  { key: 'kind', type: '"manual"|"computed"|"composite"', ja: '種類（manual: 入力、computed: 業務データから集計、composite: 合成指数）', en: 'Kind' },
  { key: 'fiscal_year', type: 'integer', ja: '年度（西暦、4月始まり。2025 = 令和7年度）', en: 'Fiscal year (April–March, by its starting year)' },
  { key: 'half', type: '1|2|null', ja: '半期（1: 上期 4〜9月、2: 下期 10〜3月、空欄: 年度）', en: 'Half (1: April–September, 2: October–March, empty: the year)' },
  { key: 'period_label', type: 'string', ja: '期間の表示（和暦併記）', en: 'Period label' },
  { key: 'target', type: 'number|null', ja: '目標値（現在）', en: 'Target (current)' },
  { key: 'original_target', type: 'number|null', ja: '当初の目標値（見直し前）', en: 'Original target (before revisions)' },
  { key: 'actual', type: 'number|null', ja: '実績値（承認済みのもののみ）', en: 'Actual (approved only)' },
  { key: 'achievement_percent', type: 'number|null', ja: '達成率（%、小さいほど良い指標は目標÷実績）', en: 'Achievement (%)' },
  { key: 'approved_at', type: 'datetime|null', ja: '承認日時（ISO 8601）', en: 'Approved at (ISO 8601)' },
] as const;

export function openDataSchema() {
  return {
    title: 'Tsumugi plans open data',
    schemaVersion: 1,
    encoding: 'CSV: UTF-8 with BOM, CRLF, header row of the keys below. JSON: UTF-8.',
    csv: { columns: OPEN_DATA_CSV_COLUMNS },
    json: {
      description: 'The plan (plan), its nodes in tree order, each in full with its computed progress and how it was computed (nodes, explanation; as GET /api/v1/public/plans/{id}/nodes/{nodeId} returns one), and its indicators with their periods and composite methods (indicators, as /indicators returns them).',
      endpoints: ['/api/v1/public/plans/{id}', '/api/v1/public/plans/{id}/nodes/{nodeId}', '/api/v1/public/plans/{id}/indicators', '/api/v1/public/plans/{id}/open-data.json'],
    },
    rules: {
      progress: 'A node’s progress is its entered progress, else the roll-up of its children (weighted: Σ progress × weight ÷ Σ weight of the children with a value; average: their mean), else its status’s default progress.',
      achievement: 'Achievement = actual ÷ target × 100 when higher is better, target ÷ actual × 100 when lower is better.',
      composite: 'A composite index normalises each component (share of target, min–max with fixed bounds, or 偏差値 with a fixed mean and standard deviation), weights and averages them; each fiscal year uses the method version in force from its first year, so changing the method keeps past results.',
    },
  };
}
