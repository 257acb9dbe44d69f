import { eq, sql } from 'drizzle-orm';
import { DEFAULT_PLAN_GRADES, DEFAULT_PLAN_STATUSES } from '../src/shared/domain/plans';
import type { Db } from '../src/server/db/client';
import { authUser, tenant } from '../src/server/db/schema';
import { hashPassword } from '../src/server/platform/auth/auth-system';
import { withTenant } from '../src/server/platform/tenancy';
import { insertCredentialUser, insertMembership } from '../src/server/modules/members/members.repository';
import { BENCH_PASSWORD } from './dataset';

/**
 * The plans benchmark's data (issue 4): one tenant with one public plan of ten fiscal years (FY2019–FY2028,
 * yearly periods), 2,000 nodes and 5,000 indicators × 10 periods, as a prefecture's DX plan would have them
 * after seven years of reporting. Everything is generated from a seeded PRNG (the same rows, ids included,
 * on every run and on both targets) and written with set-based SQL (INSERT … SELECT FROM jsonb_to_recordset)
 * inside the tenant's row-level-security context, as the desk's dataset is.
 *
 *   - the tree: 4 分野 → 20 取組分野 → 120 取組方針 → about 1,000 事業 → the rest as 取組 (five levels), weighted
 *     roll-up; sibling weights add up to 100 in about 60 % of the groups (the others are scaled, with warnings);
 *     leaves have statuses, about 15 % an entered progress;
 *   - indicators: 10 plan-level (基本目標), 4,485 manual on the nodes, 500 composite indices (10 %) each over 3–6
 *     manual parts (target_share or min_max; 10 % with a second method version from FY2024), 5 computed from
 *     'desk.supports' (this tenant has no desk data: they compute 0);
 *   - periods: a target in every year (3 % of the indicators only up to FY2025), approved actuals for FY2019–FY2025
 *     (FY2025: 85 % approved, the rest submitted, returned, draft or not started), set on the period with its
 *     approved_at; from FY2022 on each approved actual has its approved indicator_update (the earlier years are
 *     history entered at once);
 *   - target revisions: the first revision of every period with a target (what the service writes when it
 *     creates a period), and a second one for about 1 % of the periods (中間見直し);
 *   - final annual reviews of the 分野, 取組分野 and the plan for FY2019–FY2025, 240 milestones, 8 committee meetings.
 */

export const PLANS_BENCH_EMAIL = 'bench-plans-admin@bench.example';
const SEED = 20_260_401;
const START_YEAR = 2019;
const END_YEAR = 2028;
/** The last fiscal year whose actuals were due (FY2025 ended March 2026, due 31 May 2026). */
const LAST_REPORTED_YEAR = 2025;
/** Actuals before this year were entered at once (history), without their own update rows. */
const FIRST_UPDATE_YEAR = 2022;

export interface PlansBenchDataset {
  tenantId: string;
  planId: string;
  email: string;
  /** The admin (signs in over HTTP; the principal of the in-process measurements). */
  userId: string;
  /** A leaf node whose title the benchmark changes (through the API) to invalidate the figures' cache. */
  nodeId: string;
  counts: Record<string, number>;
  /** Seconds spent creating the data; null when an existing dataset was reused. */
  createdSeconds: number | null;
}

/** mulberry32: a small, fast, seeded PRNG (deterministic data on every run). */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const uuid = () => {
    const bytes = Array.from({ length: 16 }, () => Math.floor(next() * 256));
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  return { next, int, pick, uuid };
}

/** FY2025, the last year reported: 85 % approved, 7 % waiting for approval, 3 % returned, 2 % draft, 3 % not started. */
const lastYearState = (draw: number) => (draw < 0.85 ? 'approved' : draw < 0.92 ? 'submitted' : draw < 0.95 ? 'returned' : draw < 0.97 ? 'draft' : 'none');
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const isoAt = (year: number, month: number, day: number, hour = 10) => new Date(Date.UTC(year, month - 1, day, hour - 9)).toISOString();

const FIELDS = ['行政のデジタル化', '産業・経済のDX', '暮らしと地域社会のDX', 'DXを支える基盤と人材'];
const TOPICS = [
  '行政手続のオンライン化', 'データ利活用', '中小企業のデジタル化支援', 'デジタル人材の育成', '情報セキュリティ対策', '地域交通の最適化',
  '医療・介護のデジタル化', '教育のICT活用', 'スマート農林水産業', '観光DX', '防災・減災の高度化', 'キャッシュレス決済の普及',
  'テレワークの推進', '窓口のワンストップ化', 'オープンデータの公開', 'ものづくり現場のIoT化', '商店街のEC参入', '子育て支援のオンライン化',
  '高齢者のデジタル活用支援', 'ブロードバンド環境の整備', '公共施設予約の電子化', '電子契約の導入', 'AI・RPAの活用', '建設現場のICT施工',
];
const DIVISIONS = ['デジタル戦略課', '行政改革推進課', '産業振興課', '商工労働課', '農林水産政策課', '観光交流課', '健康福祉政策課', '教育政策課', '防災危機管理課', '情報システム課'];
const SOURCES = ['県政モニター調査', '業務統計', '事業者アンケート', '市町村調査', '国の統計（経済センサス）', '所管課の集計'];
const UNITS = [
  { unit: '%', min: 10, max: 60, decimals: 1, direction: 'higher', noun: '割合' },
  { unit: '社', min: 20, max: 800, decimals: 0, direction: 'higher', noun: '事業者数' },
  { unit: '件', min: 100, max: 20_000, decimals: 0, direction: 'higher', noun: '件数' },
  { unit: '人', min: 50, max: 5_000, decimals: 0, direction: 'higher', noun: '人数' },
  { unit: '時間', min: 1_000, max: 60_000, decimals: 0, direction: 'lower', noun: '処理時間' },
  { unit: '日', min: 5, max: 60, decimals: 1, direction: 'lower', noun: '処理日数' },
] as const;

interface NodeSeed {
  id: string;
  parent_id: string | null;
  depth: number;
  position: number;
  code: string;
  title: string;
  description: string;
  division: string | null;
  status_key: string | null;
  progress: number | null;
  weight: number;
  starts_on: string | null;
  ends_on: string | null;
}

interface IndicatorSeed {
  id: string;
  node_id: string | null;
  position: number;
  code: string;
  name: string;
  unit: string;
  direction: string;
  kind: 'manual' | 'computed' | 'composite';
  decimals: number;
  min_value: number | null;
  max_value: number | null;
  baseline_value: number | null;
  baseline_year: number | null;
  method: string;
  source: string;
  metric_key: string | null;
}

/** Generates the whole plan in memory (deterministic), ready to be inserted. */
function generate(adminId: string) {
  const random = prng(SEED);
  const ids = { tenant: random.uuid(), plan: random.uuid() };
  const nodes: NodeSeed[] = [];
  const children = new Map<string | null, NodeSeed[]>();
  const addNode = (parent: NodeSeed | null, title: string) => {
    const siblings = children.get(parent?.id ?? null) ?? [];
    const position = siblings.length;
    const node: NodeSeed = {
      id: random.uuid(),
      parent_id: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      position,
      code: parent ? `${parent.code}-${position + 1}` : String(position + 1),
      title,
      description: parent ? `${title}について、関係部局と連携して取り組みます。` : `${title}の分野では、県民・事業者・行政のそれぞれがデジタルの恩恵を受けられるよう取り組みます。`,
      division: parent && parent.depth >= 1 ? random.pick(DIVISIONS) : null,
      status_key: null,
      progress: null,
      weight: 1,
      starts_on: null,
      ends_on: null,
    };
    siblings.push(node);
    children.set(node.parent_id, siblings);
    nodes.push(node);
    return node;
  };
  const fields = FIELDS.map((title) => addNode(null, title));
  const areas = fields.flatMap((field) => Array.from({ length: 5 }, () => addNode(field, `${random.pick(TOPICS)}の推進`)));
  const policies = areas.flatMap((area) => Array.from({ length: 6 }, (_, index) => addNode(area, `${random.pick(TOPICS)}に向けた取組方針${index + 1}`)));
  const projects = policies.flatMap((policy) => Array.from({ length: random.int(6, 11) }, () => addNode(policy, `${random.pick(TOPICS)}事業`)));
  while (nodes.length < 2_000) addNode(random.pick(projects), `${random.pick(TOPICS)}の取組`);

  // Weights by sibling group: 60 % add up to 100, the others are small integers (scaled by the roll-up, with a warning).
  for (const group of children.values()) {
    if (random.next() < 0.6) {
      const shares = group.map(() => 1 + random.next() * 3);
      const total = shares.reduce((sum, share) => sum + share, 0);
      let left = 100;
      group.forEach((node, index) => {
        node.weight = index === group.length - 1 ? left : Math.max(0, Math.round((shares[index]! / total) * 100));
        left -= node.weight;
      });
      if (left !== 0 || group.some((node) => node.weight < 0)) group.forEach((node) => (node.weight = 1));
    } else group.forEach((node) => (node.weight = random.int(1, 5)));
  }
  const statuses = ['not_started', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'done', 'done', 'on_hold'];
  for (const node of nodes) {
    const leaf = !children.has(node.id);
    if (leaf || random.next() < 0.2) node.status_key = random.pick(statuses);
    if (leaf ? random.next() < 0.15 : random.next() < 0.01) node.progress = random.int(0, 20) * 5;
    if (node.depth >= 3) {
      const from = random.int(START_YEAR, 2025);
      node.starts_on = `${from}-04-01`;
      node.ends_on = `${Math.min(END_YEAR, from + random.int(1, 6)) + 1}-03-31`;
    }
  }
  const leaves = nodes.filter((node) => !children.has(node.id));
  const inner = nodes.filter((node) => node.depth >= 2 && children.has(node.id));

  /* ----- indicators ----- */
  const indicators: IndicatorSeed[] = [];
  const params = new Map<string, { baseline: number; final: number; decimals: number; percent: boolean; higher: boolean; performance: number; firstActual: number; shortTargets: boolean }>();
  const addIndicator = (kind: IndicatorSeed['kind'], nodeId: string | null) => {
    const index = indicators.length;
    const code = `KPI-${String(index + 1).padStart(4, '0')}`;
    if (kind === 'composite') {
      const row: IndicatorSeed = {
        id: random.uuid(), node_id: nodeId, position: index, code, name: `${random.pick(TOPICS)}の総合指数（${code}）`, unit: 'pt', direction: 'higher', kind,
        decimals: 1, min_value: null, max_value: null, baseline_value: null, baseline_year: null, method: '構成指標の達成度を重み付けして合成', source: '構成指標から算出', metric_key: null,
      };
      indicators.push(row);
      return row;
    }
    if (kind === 'computed') {
      const row: IndicatorSeed = {
        id: random.uuid(), node_id: nodeId, position: index, code, name: `DX総合窓口の支援件数（${code}）`, unit: '件', direction: 'higher', kind,
        decimals: 0, min_value: 0, max_value: null, baseline_value: 150, baseline_year: 2018, method: '委託事業の計上ルールで集計', source: 'つむぎ（相談窓口）', metric_key: 'desk.supports',
      };
      indicators.push(row);
      params.set(row.id, { baseline: 150, final: 400, decimals: 0, percent: false, higher: true, performance: 1, firstActual: 9999, shortTargets: false });
      return row;
    }
    const shape = random.pick(UNITS);
    const baseline = round(shape.min + random.next() * (shape.max - shape.min), shape.decimals);
    const higher = shape.direction === 'higher';
    const percent = shape.unit === '%';
    const final = percent ? Math.min(95, round(baseline * (1.3 + random.next() * 0.9), 1)) : round(baseline * (higher ? 1.3 + random.next() * 1.2 : 0.4 + random.next() * 0.4), shape.decimals);
    const row: IndicatorSeed = {
      id: random.uuid(), node_id: nodeId, position: index, code, name: `${random.pick(TOPICS)}の${shape.noun}（${code}）`, unit: shape.unit, direction: shape.direction, kind,
      decimals: shape.decimals, min_value: percent ? 0 : null, max_value: percent ? 100 : null, baseline_value: baseline, baseline_year: 2018,
      method: `${shape.noun}を年度末時点で集計`, source: random.pick(SOURCES), metric_key: null,
    };
    indicators.push(row);
    params.set(row.id, {
      baseline, final, decimals: shape.decimals, percent, higher,
      performance: 0.7 + random.next() * 0.45,
      firstActual: random.next() < 0.05 ? 2021 : START_YEAR,
      shortTargets: random.next() < 0.03,
    });
    return row;
  };
  for (let index = 0; index < 10; index++) addIndicator('manual', null);
  for (let index = 0; index < 5; index++) addIndicator('computed', areas[5 + index]!.id);
  const manual: IndicatorSeed[] = [];
  for (let index = 0; index < 4_485; index++) manual.push(addIndicator('manual', random.next() < 0.85 ? random.pick(leaves).id : random.pick(inner).id));
  const composites: IndicatorSeed[] = [];
  for (let index = 0; index < 500; index++) composites.push(addIndicator('composite', random.next() < 0.8 ? random.pick(policies).id : random.pick(areas).id));

  const targetOf = (id: string, year: number): number | null => {
    const p = params.get(id)!;
    if (p.shortTargets && year > 2025) return null;
    return round(p.baseline + ((p.final - p.baseline) * (year - 2018)) / 10, p.decimals);
  };

  /* ----- composite methods ----- */
  const methods: Record<string, unknown>[] = [];
  const compositeShape = new Map<string, 'target_share' | 'min_max'>();
  for (const composite of composites) {
    const parts = new Set<IndicatorSeed>();
    const size = random.int(3, 6);
    while (parts.size < size) parts.add(random.pick(manual));
    const normalisation = random.next() < 0.6 ? 'target_share' : 'min_max';
    compositeShape.set(composite.id, normalisation);
    const componentsFor = (kind: string) =>
      [...parts].map((part) => {
        const p = params.get(part.id)!;
        const weight = random.int(1, 3);
        if (kind === 'target_share') return { indicatorId: part.id, weight };
        const [min, max] = p.higher ? [round(p.baseline * 0.5, p.decimals), round(p.final * 1.1, p.decimals)] : [round(p.final * 0.8, p.decimals), round(p.baseline * 1.2, p.decimals)];
        return { indicatorId: part.id, weight, min, max };
      });
    methods.push({
      id: random.uuid(), indicator_id: composite.id, method_version: 1, effective_from_year: START_YEAR, normalisation,
      cap_at: normalisation === 'target_share' && random.next() < 0.7 ? 120 : null, missing: random.next() < 0.85 ? 'renormalise' : 'require_all',
      components: componentsFor(normalisation), explanation: '各構成指標の達成度を重みで加重平均します。', created_at: isoAt(2019, 3, 25), created_by: adminId,
    });
    if (random.next() < 0.1) {
      const next = normalisation === 'target_share' ? 'min_max' : 'target_share';
      methods.push({
        id: random.uuid(), indicator_id: composite.id, method_version: 2, effective_from_year: 2024, normalisation: next,
        cap_at: next === 'target_share' ? 120 : null, missing: 'renormalise', components: componentsFor(next),
        explanation: '中間見直しにより算出方法を変更しました（令和6年度から）。', created_at: isoAt(2024, 3, 28), created_by: adminId,
      });
    }
  }

  /* ----- periods, updates and target revisions ----- */
  const periods: Record<string, unknown>[] = [];
  const updates: Record<string, unknown>[] = [];
  const revisions: Record<string, unknown>[] = [];
  const planCreated = isoAt(2019, 3, 25);
  for (const row of indicators) {
    for (let year = START_YEAR; year <= END_YEAR; year++) {
      const periodId = random.uuid();
      let target: number | null;
      let actual: number | null = null;
      let approvedAt: string | null = null;
      let actualUpdateId: string | null = null;
      if (row.kind === 'composite') {
        target = compositeShape.get(row.id) === 'target_share' ? 100 : round(50 + (30 * (year - START_YEAR)) / 9, 1);
      } else {
        target = targetOf(row.id, year);
      }
      if (row.kind === 'manual') {
        const p = params.get(row.id)!;
        const yearTarget = targetOf(row.id, year) ?? round(p.final, p.decimals);
        const factor = p.performance + (random.next() - 0.5) * 0.1;
        const value = p.higher ? yearTarget * factor : yearTarget / factor;
        const measured = round(p.percent ? Math.min(100, value) : Math.max(0, value), p.decimals);
        const reportedOn = { y: year + 1, m: 5, d: random.int(1, 28) };
        const created = isoAt(reportedOn.y, reportedOn.m, reportedOn.d);
        const submitted = isoAt(reportedOn.y, reportedOn.m, Math.min(28, reportedOn.d + 2));
        const reviewed = isoAt(reportedOn.y, 6, random.int(1, 28));
        const state =
          year > LAST_REPORTED_YEAR || year < p.firstActual
            ? year === LAST_REPORTED_YEAR + 1 && random.next() < 0.03
              ? 'draft'
              : 'none'
            : year < LAST_REPORTED_YEAR
              ? random.next() < 0.98
                ? 'approved'
                : 'none'
              : lastYearState(random.next());
        if (state === 'approved') {
          actual = measured;
          approvedAt = reviewed;
          if (year >= FIRST_UPDATE_YEAR) {
            actualUpdateId = random.uuid();
            updates.push({
              id: actualUpdateId, period_id: periodId, indicator_id: row.id, value: measured, narrative: `${year}年度の実績を報告します。`, status: 'approved',
              created_by: adminId, submitted_at: submitted, submitted_by: adminId, reviewed_at: reviewed, reviewed_by: adminId, review_comment: '', created_at: created,
            });
          }
        } else if (state !== 'none') {
          const pending = year > LAST_REPORTED_YEAR;
          updates.push({
            id: random.uuid(), period_id: periodId, indicator_id: row.id, value: pending ? null : measured, narrative: pending ? '上期の状況を入力中です。' : `${year}年度の実績を報告します。`,
            status: state, created_by: adminId, submitted_at: state === 'draft' ? null : submitted, submitted_by: state === 'draft' ? null : adminId,
            reviewed_at: state === 'returned' ? reviewed : null, reviewed_by: state === 'returned' ? adminId : null,
            review_comment: state === 'returned' ? '根拠資料を添付してください。' : '', created_at: pending ? isoAt(2026, 10, random.int(1, 28)) : created,
          });
        }
      }
      let current = target;
      if (target !== null) {
        revisions.push({ id: random.uuid(), period_id: periodId, target, reason: '', revised_at: planCreated, revised_by: adminId });
        // 中間見直し (FY2023): about 1 % of the later targets of manual indicators were raised (or, lower is better, cut).
        if (row.kind === 'manual' && year >= 2023 && random.next() < 0.017) {
          const p = params.get(row.id)!;
          current = round(p.percent ? Math.min(100, target * 1.1) : p.higher ? target * 1.1 : target * 0.95, p.decimals);
          revisions.push({ id: random.uuid(), period_id: periodId, target: current, reason: '中間見直しにより目標値を見直し', revised_at: isoAt(2023, 3, 20), revised_by: adminId });
        }
      }
      periods.push({
        id: periodId, indicator_id: row.id, fiscal_year: year, target: current, actual, actual_update_id: actualUpdateId, approved_at: approvedAt,
        locked_at: actual !== null && year < 2024 ? isoAt(year + 1, 7, 1) : null, locked_by: actual !== null && year < 2024 ? adminId : null, created_at: planCreated,
      });
    }
  }

  /* ----- reviews, milestones, meetings ----- */
  const grades = DEFAULT_PLAN_GRADES.map((grade) => grade.key);
  const reviews: Record<string, unknown>[] = [];
  for (const node of [null, ...fields, ...areas]) {
    for (let year = START_YEAR; year <= LAST_REPORTED_YEAR; year++) {
      reviews.push({
        id: random.uuid(), node_id: node?.id ?? null, fiscal_year: year, term: 'annual', grade_key: random.pick(grades.slice(0, random.next() < 0.8 ? 2 : 4)),
        comment: '指標はおおむね目標どおりに推移しています。引き続き市町村と連携して取り組みます。', status: 'final', reviewed_by: adminId, finalised_at: isoAt(year + 1, 8, 31),
      });
    }
  }
  const milestones: Record<string, unknown>[] = [];
  for (const policy of policies) {
    for (let index = 0; index < 2; index++) {
      const planned = random.int(START_YEAR, END_YEAR);
      milestones.push({
        id: random.uuid(), node_id: policy.id, title: index === 0 ? '方針の策定' : 'システムの本格稼働', planned_year: planned,
        achieved_on: planned <= LAST_REPORTED_YEAR && random.next() < 0.8 ? `${planned + 1}-02-15` : null, position: index,
      });
    }
  }
  const meetings: Record<string, unknown>[] = [];
  const opinions: Record<string, unknown>[] = [];
  for (let index = 0; index < 8; index++) {
    const year = 2022 + Math.floor(index / 2);
    const meetingId = random.uuid();
    meetings.push({ id: meetingId, title: `第${index + 1}回 DX推進委員会`, held_on: `${year}-${index % 2 === 0 ? '08' : '02'}-20`, summary: '計画の進捗状況について報告し、意見を聴取した。', is_public: index < 6 });
    for (let position = 0; position < 3; position++) {
      opinions.push({
        id: random.uuid(), meeting_id: meetingId, node_ids: [random.pick(areas).id], speaker: position === 0 ? '座長' : '委員',
        body: '中小企業への伴走支援の成果を、指標の達成度とあわせて分かりやすく示してほしい。', response: '次年度の報告から達成度の推移を併記します。', position,
      });
    }
  }

  return {
    ids,
    nodes,
    indicators,
    methods,
    periods,
    updates,
    revisions,
    reviews,
    milestones,
    meetings,
    opinions,
    changeNodeId: leaves[0]!.id,
  };
}

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
const chunks = <T>(rows: T[], size = 10_000) => Array.from({ length: Math.ceil(rows.length / size) }, (_, index) => rows.slice(index * size, (index + 1) * size));

/** Creates the plans dataset, or returns the existing one. */
export async function ensurePlansDataset(db: Db, log: (line: string) => void): Promise<PlansBenchDataset> {
  const [existing] = await db.select({ lastTenantId: authUser.lastTenantId, id: authUser.id }).from(authUser).where(eq(authUser.email, PLANS_BENCH_EMAIL));
  const started = performance.now();
  if (existing) {
    if (!existing.lastTenantId) throw new Error('the plans bench dataset is incomplete: drop it and run again');
    const generated = generateIds();
    const counts = await withTenant(db, existing.lastTenantId, async (tx) => countRows(tx, existing.lastTenantId!, generated.planId));
    if (counts.nodes !== 2_000 || counts.indicators !== 5_000) throw new Error(`the plans bench dataset is incomplete (${JSON.stringify(counts)}): drop it and run again`);
    return { tenantId: existing.lastTenantId, planId: generated.planId, email: PLANS_BENCH_EMAIL, userId: existing.id, nodeId: generated.changeNodeId, counts, createdSeconds: null };
  }

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { tenantId, planId } = generateIds();
  let userId = '';
  const counts = await withTenant(db, tenantId, async (tx) => {
    await tx.insert(tenant).values({ id: tenantId, slug: 'bench-plans', name: 'ベンチ県', kind: 'prefecture', prefectureCode: '02' });
    const adminId = await insertCredentialUser(tx, { name: 'ベンチ 計画管理者', email: PLANS_BENCH_EMAIL, passwordHash, locale: 'ja' });
    userId = adminId;
    await insertMembership(tx, { tenantId, userId: adminId, role: 'admin' });
    await tx.update(authUser).set({ lastTenantId: tenantId }).where(eq(authUser.id, adminId));
    const data = generate(adminId);
    await tx.execute(sql`
      INSERT INTO plan (tenant_id, id, title, description, edition, start_year, end_year, level_names, level_names_en, rollup_method, statuses, grades, visibility, published_at, created_at)
      VALUES (${tenantId}::uuid, ${planId}::uuid, 'ベンチ県デジタル推進計画', '県民・事業者・行政のデジタル化を一体で進める10年間の計画です（ベンチマーク用）。', '第2版（令和5年3月改定）',
              ${START_YEAR}, ${END_YEAR}, ARRAY['分野','取組分野','取組方針','事業','取組'], ARRAY['Field','Area','Policy','Project','Action'], 'weighted',
              ${JSON.stringify(DEFAULT_PLAN_STATUSES)}::jsonb, ${JSON.stringify(DEFAULT_PLAN_GRADES)}::jsonb, 'public', ${isoAt(2019, 4, 1)}::timestamptz, ${isoAt(2019, 3, 25)}::timestamptz)`);
    // Parents before children: insert level by level (the parent foreign key is checked per statement).
    for (let depth = 0; depth <= 4; depth++) {
      await tx.execute(sql`
        INSERT INTO plan_node (tenant_id, id, plan_id, parent_id, depth, position, code, title, description, division, status_key, progress, weight, starts_on, ends_on, created_at)
        SELECT ${tenantId}::uuid, r.id, ${planId}::uuid, r.parent_id, r.depth, r.position, r.code, r.title, r.description, r.division, r.status_key, r.progress, r.weight, r.starts_on, r.ends_on, ${isoAt(2019, 3, 25)}::timestamptz
        FROM jsonb_to_recordset(${json(data.nodes.filter((node) => node.depth === depth))}) AS r(id uuid, parent_id uuid, depth int, position int, code text, title text, description text, division text, status_key text, progress numeric, weight numeric, starts_on date, ends_on date)`);
    }
    await tx.execute(sql`
      INSERT INTO indicator (tenant_id, id, plan_id, node_id, position, code, name, unit, direction, kind, periodicity, year_aggregation, decimals, min_value, max_value, baseline_value, baseline_year, method, source, metric_key, metric_params, created_at)
      SELECT ${tenantId}::uuid, r.id, ${planId}::uuid, r.node_id, r.position, r.code, r.name, r.unit, r.direction, r.kind, 'year', 'sum', r.decimals, r.min_value, r.max_value, r.baseline_value, r.baseline_year, r.method, r.source, r.metric_key, '{}'::jsonb, ${isoAt(2019, 3, 25)}::timestamptz
      FROM jsonb_to_recordset(${json(data.indicators)}) AS r(id uuid, node_id uuid, position int, code text, name text, unit text, direction text, kind text, decimals int, min_value numeric, max_value numeric, baseline_value numeric, baseline_year int, method text, source text, metric_key text)`);
    await tx.execute(sql`
      INSERT INTO composite_method (tenant_id, id, indicator_id, method_version, effective_from_year, normalisation, cap_at, missing, components, explanation, created_at, created_by)
      SELECT ${tenantId}::uuid, r.id, r.indicator_id, r.method_version, r.effective_from_year, r.normalisation, r.cap_at, r.missing, r.components, r.explanation, r.created_at, r.created_by
      FROM jsonb_to_recordset(${json(data.methods)}) AS r(id uuid, indicator_id uuid, method_version int, effective_from_year int, normalisation text, cap_at numeric, missing text, components jsonb, explanation text, created_at timestamptz, created_by uuid)`);
    for (const part of chunks(data.periods)) {
      await tx.execute(sql`
        INSERT INTO indicator_period (tenant_id, id, indicator_id, fiscal_year, half, target, actual, actual_update_id, approved_at, locked_at, locked_by, created_at)
        SELECT ${tenantId}::uuid, r.id, r.indicator_id, r.fiscal_year, NULL, r.target, r.actual, r.actual_update_id, r.approved_at, r.locked_at, r.locked_by, r.created_at
        FROM jsonb_to_recordset(${json(part)}) AS r(id uuid, indicator_id uuid, fiscal_year int, target numeric, actual numeric, actual_update_id uuid, approved_at timestamptz, locked_at timestamptz, locked_by uuid, created_at timestamptz)`);
    }
    for (const part of chunks(data.updates)) {
      await tx.execute(sql`
        INSERT INTO indicator_update (tenant_id, id, period_id, indicator_id, value, narrative, status, created_by, submitted_at, submitted_by, reviewed_at, reviewed_by, review_comment, created_at, updated_at)
        SELECT ${tenantId}::uuid, r.id, r.period_id, r.indicator_id, r.value, r.narrative, r.status, r.created_by, r.submitted_at, r.submitted_by, r.reviewed_at, r.reviewed_by, r.review_comment, r.created_at, coalesce(r.reviewed_at, r.submitted_at, r.created_at)
        FROM jsonb_to_recordset(${json(part)}) AS r(id uuid, period_id uuid, indicator_id uuid, value numeric, narrative text, status text, created_by uuid, submitted_at timestamptz, submitted_by uuid, reviewed_at timestamptz, reviewed_by uuid, review_comment text, created_at timestamptz)`);
    }
    for (const part of chunks(data.revisions)) {
      await tx.execute(sql`
        INSERT INTO indicator_target_revision (tenant_id, id, period_id, target, reason, revised_at, revised_by)
        SELECT ${tenantId}::uuid, r.id, r.period_id, r.target, r.reason, r.revised_at, r.revised_by
        FROM jsonb_to_recordset(${json(part)}) AS r(id uuid, period_id uuid, target numeric, reason text, revised_at timestamptz, revised_by uuid)`);
    }
    await tx.execute(sql`
      INSERT INTO plan_review (tenant_id, id, plan_id, node_id, fiscal_year, term, grade_key, comment, status, reviewed_by, finalised_at)
      SELECT ${tenantId}::uuid, r.id, ${planId}::uuid, r.node_id, r.fiscal_year, r.term, r.grade_key, r.comment, r.status, r.reviewed_by, r.finalised_at
      FROM jsonb_to_recordset(${json(data.reviews)}) AS r(id uuid, node_id uuid, fiscal_year int, term text, grade_key text, comment text, status text, reviewed_by uuid, finalised_at timestamptz)`);
    await tx.execute(sql`
      INSERT INTO plan_milestone (tenant_id, id, plan_id, node_id, title, planned_year, achieved_on, position)
      SELECT ${tenantId}::uuid, r.id, ${planId}::uuid, r.node_id, r.title, r.planned_year, r.achieved_on, r.position
      FROM jsonb_to_recordset(${json(data.milestones)}) AS r(id uuid, node_id uuid, title text, planned_year int, achieved_on date, position int)`);
    await tx.execute(sql`
      INSERT INTO committee_meeting (tenant_id, id, plan_id, title, held_on, summary, is_public)
      SELECT ${tenantId}::uuid, r.id, ${planId}::uuid, r.title, r.held_on, r.summary, r.is_public
      FROM jsonb_to_recordset(${json(data.meetings)}) AS r(id uuid, title text, held_on date, summary text, is_public boolean)`);
    await tx.execute(sql`
      INSERT INTO committee_opinion (tenant_id, id, meeting_id, plan_id, node_ids, speaker, body, response, position)
      SELECT ${tenantId}::uuid, r.id, r.meeting_id, ${planId}::uuid, ARRAY(SELECT jsonb_array_elements_text(r.node_ids)::uuid), r.speaker, r.body, r.response, r.position
      FROM jsonb_to_recordset(${json(data.opinions)}) AS r(id uuid, meeting_id uuid, node_ids jsonb, speaker text, body text, response text, position int)`);
    return countRows(tx, tenantId, planId);
  });
  const createdSeconds = +((performance.now() - started) / 1000).toFixed(1);
  log(`  plans dataset: ${JSON.stringify(counts)} in ${createdSeconds} s`);
  return { tenantId, planId, email: PLANS_BENCH_EMAIL, userId, nodeId: generateIds().changeNodeId, counts, createdSeconds };
}

/** The dataset's fixed ids (the PRNG's first draws) and the node the benchmark changes, without the rest. */
function generateIds() {
  const data = generate('00000000-0000-4000-8000-000000000000');
  return { tenantId: data.ids.tenant, planId: data.ids.plan, changeNodeId: data.changeNodeId };
}

async function countRows(tx: Db, tenantId: string, planId: string): Promise<Record<string, number>> {
  const result = (await tx.execute(sql`
    SELECT (SELECT count(*) FROM plan_node WHERE tenant_id = ${tenantId}::uuid AND plan_id = ${planId}::uuid)::int AS nodes,
           (SELECT count(*) FROM indicator WHERE tenant_id = ${tenantId}::uuid AND plan_id = ${planId}::uuid)::int AS indicators,
           (SELECT count(*) FROM indicator WHERE tenant_id = ${tenantId}::uuid AND plan_id = ${planId}::uuid AND kind = 'composite')::int AS composites,
           (SELECT count(*) FROM indicator WHERE tenant_id = ${tenantId}::uuid AND plan_id = ${planId}::uuid AND kind = 'computed')::int AS computed,
           (SELECT count(*) FROM composite_method WHERE tenant_id = ${tenantId}::uuid)::int AS methods,
           (SELECT count(*) FROM indicator_period WHERE tenant_id = ${tenantId}::uuid)::int AS periods,
           (SELECT count(*) FROM indicator_period WHERE tenant_id = ${tenantId}::uuid AND approved_at IS NOT NULL)::int AS approved_periods,
           (SELECT count(*) FROM indicator_update WHERE tenant_id = ${tenantId}::uuid)::int AS updates,
           (SELECT count(*) FROM indicator_target_revision WHERE tenant_id = ${tenantId}::uuid)::int AS target_revisions`)) as unknown as { rows: Record<string, number>[] };
  return Object.fromEntries(Object.entries(result.rows[0]!).map(([key, value]) => [key, Number(value)]));
}
