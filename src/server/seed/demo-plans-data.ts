/**
 * The pure data of the plans demo (seeded by demo-plans.ts). Two plans:
 *
 * - 青森県DX推進プラン (seed 001, docs/design/plans-groundwork.md §1): the names of its fields, areas, 取組方針,
 *   foundations, 基本目標 and KPIs are the plan's own (取組方針 shortened as in the groundwork); the seed 002
 *   roadmap is copied cell by cell. Everything the seeds do not give (statuses, 中間指標, targets, actuals,
 *   reviews, the other roadmaps) is made up and says so where it is shown.
 * - AOITのDX戦略 (seed 000, groundwork §3): its five headings and KPIs; the period and the actuals are demo values,
 *   except the support count, which the desk's own demo records give.
 *
 * People are referred to by the e-mail of a demo user (demo-data.ts).
 */

export const DEMO_NOTE = '目標値・基準値はデモ用の仮の値です。';

/* ---------- 青森県DX推進プラン: the tree (groundwork §1.3) ---------- */

export interface DemoArea {
  title: string;
  policies: readonly string[];
}

export interface DemoField {
  title: string;
  description: string;
  owner: string | null;
  areas: readonly DemoArea[];
}

export const PREF_ADMIN = 'admin@pref.demo.example';
export const PREF_REVIEWER = 'reviewer@pref.demo.example';
export const PREF_INDUSTRY = 'industry@pref.demo.example';
export const PREF_LIVING = 'living@pref.demo.example';

export const prefecturePlan = {
  title: '青森県DX推進プラン',
  titleEn: 'Aomori Prefecture DX Promotion Plan',
  edition: '令和6年3月策定',
  startYear: 2024,
  endYear: 2028,
  levelNames: ['分野', '取組分野', '取組方針', '事業', '取組'],
  levelNamesEn: ['Field', 'Area', 'Policy', 'Initiative', 'Action'],
  description: [
    '【デモ】青森県DX推進プラン（2024（令和6）〜2028（令和10）年度）の構成をもとに作ったデモデータです。',
    '分野・取組分野・取組方針・各分野を支える基盤整備・基本目標・KPIの名称はプランによります（取組方針は短く要約しています）。',
    '進捗状況、KPIの中間指標・重み、目標値・基準値・実績値、評価、事業とロードマップ（策定委員会資料「ロードマップのイメージ」の1事業を除く）はデモ用の仮のものです。',
    '基本理念: 青森県はDXでもっとおもしろくなる',
  ].join('\n'),
} as const;

export const prefectureFields: readonly DemoField[] = [
  {
    title: '産業・しごと分野',
    description:
      '基本方針のキーワード: 産業・しごと両面からの視点\n2040年のめざす姿（要約）: (1) 新たなビジネスモデル・本県ならではの事業の創出 (2) 全産業でのデジタル活用・多様な働き方',
    owner: PREF_INDUSTRY,
    areas: [
      {
        title: '商工業・サービス業',
        policies: [
          '創業・スタートアップ・新分野参入支援',
          '中小企業のデジタル化による生産性向上・意識醸成',
          '県内IT産業の人材育成・確保',
          'IT事業者とのマッチング',
          'オンライン商談会・EC・販路開拓',
          'ドローン・自動運転・スマート物流',
        ],
      },
      { title: '農林水産業', policies: ['スマート農・林・畜・水産業(アグリテック)', 'データに基づいた生産体制', 'ドローン・AIによる土地の管理', '鳥獣被害対策', 'オンライン商談会・EC・販路開拓'] },
      { title: '観光業', policies: ['デジタルマーケティングによる情報発信', '予約・決済・キャッシュレス等観光事業者のDX', 'DMOと連携したCRMの推進体制'] },
      { title: '働き方', policies: ['リスキリングの促進', 'テレワーク・リモートワークの促進', '女性・高齢者・障がい者等のデジタルスキル向上'] },
    ],
  },
  {
    title: '暮らし・まち分野',
    description:
      '基本方針のキーワード: 住民目線\n2040年のめざす姿（要約）: (1) 自分に合った生活サービスとつながり (2) 制約なく誰もが活躍 (3) 必要な情報の取得と安全な暮らし',
    owner: PREF_LIVING,
    areas: [
      { title: '医療・福祉', policies: ['健康・医療情報の活用による健康づくり', '高齢者の見守り・介護予防', '医療・介護現場の業務効率化・省力化', '医療連携・医療介護連携体制', '保健所業務のDX'] },
      { title: '子育て', policies: ['こどもに関する手続の利便性・情報収集', 'いつでもどこでも相談できる体制', '地域の子育て支援情報の充実'] },
      { title: '学校教育', policies: ['個別最適な学びと協働的な学び', '教職員のICTリテラシーの向上', 'ICTを活用した学習・交流・グローバル人材', '外部人材の活用による授業実践', '校務のデジタル化'] },
      { title: '地域公共交通', policies: ['持続可能な交通網', '分かりやすい交通情報', 'MaaS・AIオンデマンド交通・自動運転'] },
      { title: '安全・安心', policies: ['防犯・見守り・事故防止', 'サイバー犯罪の未然防止', '親世代のリテラシー向上', '町内会など地域コミュニティへの参加'] },
      { title: '防災・危機管理', policies: ['県民への情報発信とアクセス体制', '市町村への各種デジタル技術の導入支援', '総合防災情報システム等による連携・協力体制'] },
      { title: 'インフラ', policies: ['i-Construction(3D測量設計・ICT工事)', 'ドローン・AIによる道路・橋梁等の点検'] },
    ],
  },
  {
    title: '行政経営分野',
    description:
      '基本方針のキーワード: 他2分野のDXの「下支え」\n2040年のめざす姿（要約）: (1) 地域全体のDXをけん引する自治体 (2) 行政手続の効率化と人的資源の集中投資',
    owner: PREF_ADMIN,
    areas: [
      { title: '住民の利便性の向上', policies: ['行政手続のオンライン化', '公金収納のキャッシュレス化', 'SNS等による分かりやすい情報発信'] },
      { title: '質の高い自治体運営', policies: ['県庁スマートワークの推進', 'データに基づく施策立案', '自治体のデジタル人財の育成', '市町村のDXの支援', '県・市町村の業務システムの標準化・共通化'] },
      { title: '情報セキュリティ対策', policies: ['DX施策とセキュリティ対策の両立', '庁内ネットワーク・情報システムの強靱性', 'セキュリティポリシーに基づく監査・自己点検', '情報セキュリティ研修'] },
    ],
  },
];

/** The cross-cutting branch beside the fields (TOC 05): four items, no 取組方針. */
export const foundationBranch = {
  title: '各分野を支える基盤整備',
  levelName: '基盤',
  itemLevelName: '基盤整備',
  description: '3つの分野のDXを支える共通の基盤。',
  items: [
    { title: 'デジタル人財', description: '専門人財の育成・確保、外部人財との連携、段階・レベルに応じた人財の活躍。' },
    { title: '誰でも安全・安心に使えるデジタル', description: 'デジタル技術の正しい知識と、使いこなせない人を支える人財・仕組み。' },
    { title: 'データの利活用', description: 'オープンデータの推進と、データに基づく施策立案・経営判断。' },
    { title: 'デジタル基盤の整備', description: 'マイナンバーカード・公的個人認証サービスの活用と、安定した情報通信基盤。' },
  ],
} as const;

/* ---------- 基本目標 (groundwork §1.5): plan-level indicators ---------- */

export interface DemoActual {
  fiscalYear: number;
  half?: 1 | 2;
  value: number;
  /** Approved by the plan's reviewer; otherwise left submitted (in the review queue, not public). */
  approved: boolean;
}

export interface DemoGoal {
  code: string;
  name: string;
  unit: string;
  decimals: number;
  maxValue: number | null;
  baseline: { value: number; fiscalYear: number } | null;
  target2028: number;
  method: string;
  source: string;
  actuals: readonly DemoActual[];
}

const YEAR_NOTE = 'プランは「2028年まで」の数値目標としているため、2028（令和10）年度の目標として記録しています。';

export const basicGoals: readonly DemoGoal[] = [
  {
    code: 'G1',
    name: '労働生産性(就業者1人当たり県内総生産)',
    unit: '千円',
    decimals: 0,
    maxValue: null,
    baseline: { value: 7300, fiscalYear: 2021 },
    target2028: 8000,
    method: `就業者1人当たりの県内総生産（名目）。${DEMO_NOTE}${YEAR_NOTE}県民経済計算は公表まで数年かかるため、実績は未入力です。`,
    source: '〈青森県民経済計算(県)〉',
    actuals: [],
  },
  {
    code: 'G2',
    name: 'インターネットの普及やデジタル化などにより、暮らしの利便性などが向上',
    unit: '%',
    decimals: 1,
    maxValue: 100,
    baseline: { value: 42.0, fiscalYear: 2023 },
    target2028: 60.0,
    method: `暮らしの利便性などが向上したと感じる県民の割合。${DEMO_NOTE}単位（%）と実績値もデモ用の想定です。${YEAR_NOTE}`,
    source: '〈青森県民の意識に関する調査〉',
    actuals: [
      { fiscalYear: 2024, value: 44.6, approved: true },
      { fiscalYear: 2025, value: 47.9, approved: false },
    ],
  },
  {
    code: 'G3',
    name: 'DXに取り組む又は検討している中小企業者',
    unit: '%',
    decimals: 1,
    maxValue: 100,
    baseline: { value: 76.9, fiscalYear: 2022 },
    target2028: 90.0,
    method:
      `DXに取り組む又は検討している県内中小企業者の割合。基準値76.9%はプラン「現状と課題」の「デジタル化に取り組んでいる」中小企業者の割合（令和4年度調査の調査値）を仮に置いたものです。` +
      `目標値と実績値はデモ用の仮の値です。${YEAR_NOTE}`,
    source: '〈県企画政策部調べ〉',
    actuals: [
      { fiscalYear: 2024, value: 79.5, approved: true },
      { fiscalYear: 2025, value: 81.2, approved: false },
    ],
  },
  {
    code: 'G4',
    name: 'DXに取り組む又は取組を予定している市町村',
    unit: '市町村',
    decimals: 0,
    maxValue: 40,
    baseline: { value: 20, fiscalYear: 2022 },
    target2028: 40,
    method:
      `県内40市町村のうち、DXに取り組む又は取組を予定している市町村の数。基準値20はプラン「現状と課題」の市町村アンケート（2023年2月）で行政DXに取り組む市町村の数（調査値）を仮に置いたものです。` +
      `目標値と実績値はデモ用の仮の値です。${YEAR_NOTE}`,
    source: '〈県企画政策部調べ〉',
    actuals: [
      { fiscalYear: 2024, value: 27, approved: true },
      { fiscalYear: 2025, value: 31, approved: false },
    ],
  },
];

/* ---------- KPI (composite indices) and their 中間指標 ---------- */

export interface DemoPart {
  code: string;
  /** The 取組分野 (by code) the 中間指標 hangs on. */
  area: string;
  name: string;
  unit: string;
  decimals: number;
  direction: 'higher' | 'lower';
  weight: number;
  maxValue: number | null;
  baseline?: { value: number; fiscalYear: number; note: string };
  /** Yearly targets 2024–2028; a half-yearly stock also gives its 上期 targets (the year's target is the 下期's). */
  targets: readonly number[];
  firstHalfTargets?: readonly number[];
  actuals: readonly DemoActual[];
}

export interface DemoKpi {
  code: string;
  /** The 分野 by its position (0–2). */
  field: number;
  name: string;
  parts: readonly DemoPart[];
}

const percent = { unit: '%', decimals: 1, maxValue: 100 } as const;
const count = (unit: string) => ({ unit, decimals: 0, maxValue: null }) as const;

export const fieldKpis: readonly DemoKpi[] = [
  {
    code: 'K1-1',
    field: 0,
    name: '県内企業のDXの推進状況',
    parts: [
      {
        code: 'K1-1a',
        area: '1-1',
        name: 'DX推進計画を策定した県内中小企業の数（累計）',
        ...count('社'),
        direction: 'higher',
        weight: 60,
        targets: [20, 45, 70, 95, 120],
        firstHalfTargets: [10, 32, 57, 82, 107],
        actuals: [
          { fiscalYear: 2024, half: 1, value: 9, approved: true },
          { fiscalYear: 2024, half: 2, value: 18, approved: true },
          { fiscalYear: 2025, half: 1, value: 31, approved: true },
          { fiscalYear: 2025, half: 2, value: 43, approved: false },
        ],
      },
      {
        code: 'K1-1b',
        area: '1-1',
        name: 'DXセミナー・研修に参加した県内事業者の数',
        ...count('社'),
        direction: 'higher',
        weight: 40,
        targets: [120, 140, 160, 180, 200],
        actuals: [
          { fiscalYear: 2024, value: 131, approved: true },
          { fiscalYear: 2025, value: 152, approved: false },
        ],
      },
    ],
  },
  {
    code: 'K1-2',
    field: 0,
    name: 'あらゆる産業分野のDXの推進状況',
    parts: [
      {
        code: 'K1-2a',
        area: '1-2',
        name: 'スマート農業技術を導入した農業経営体の数（累計）',
        ...count('経営体'),
        direction: 'higher',
        weight: 50,
        targets: [300, 380, 460, 540, 620],
        actuals: [
          { fiscalYear: 2024, value: 284, approved: true },
          { fiscalYear: 2025, value: 362, approved: false },
        ],
      },
      {
        code: 'K1-2b',
        area: '1-3',
        name: 'キャッシュレス決済に対応した観光施設の割合',
        ...percent,
        direction: 'higher',
        weight: 50,
        targets: [55, 60, 65, 70, 75],
        actuals: [{ fiscalYear: 2024, value: 51.7, approved: true }],
      },
    ],
  },
  {
    code: 'K1-3',
    field: 0,
    name: '多様な働き方の実現状況',
    parts: [
      {
        code: 'K1-3a',
        area: '1-4',
        name: 'テレワークを導入している県内企業の割合',
        ...percent,
        direction: 'higher',
        weight: 50,
        targets: [20, 23, 26, 29, 32],
        actuals: [{ fiscalYear: 2024, value: 17.2, approved: true }],
      },
      {
        code: 'K1-3b',
        area: '1-4',
        name: 'リスキリング講座の修了者の数',
        ...count('人'),
        direction: 'higher',
        weight: 50,
        targets: [200, 250, 300, 350, 400],
        actuals: [
          { fiscalYear: 2024, value: 176, approved: true },
          { fiscalYear: 2025, value: 241, approved: false },
        ],
      },
    ],
  },
  {
    code: 'K2-1',
    field: 1,
    name: 'こども・学校教育のDXの推進状況',
    parts: [
      {
        code: 'K2-1a',
        area: '2-3',
        name: '授業でICTをほぼ毎日活用している公立学校の割合',
        ...percent,
        direction: 'higher',
        weight: 40,
        targets: [60, 70, 80, 90, 95],
        actuals: [{ fiscalYear: 2024, value: 54.8, approved: true }],
      },
      {
        code: 'K2-1b',
        area: '2-3',
        name: '統合型校務支援システムを導入した公立学校の割合',
        ...percent,
        direction: 'higher',
        weight: 30,
        baseline: { value: 49.2, fiscalYear: 2022, note: '基準値49.2%はプラン「現状と課題」に記載の公立学校の整備率（令和4年度調査の調査値）です。' },
        targets: [60, 70, 80, 90, 100],
        actuals: [{ fiscalYear: 2024, value: 52.5, approved: true }],
      },
      {
        code: 'K2-1c',
        area: '2-2',
        name: 'オンラインで申請できるこども・子育て関連の手続の数',
        ...count('手続'),
        direction: 'higher',
        weight: 30,
        targets: [10, 15, 20, 25, 30],
        actuals: [
          { fiscalYear: 2024, value: 7, approved: true },
          { fiscalYear: 2025, value: 12, approved: false },
        ],
      },
    ],
  },
  {
    code: 'K2-2',
    field: 1,
    name: '安全・安心な社会の実現状況',
    parts: [
      {
        code: 'K2-2a',
        area: '2-6',
        name: '防災情報の配信に登録している県民の数',
        ...count('人'),
        direction: 'higher',
        weight: 40,
        targets: [50_000, 60_000, 70_000, 80_000, 90_000],
        firstHalfTargets: [40_000, 55_000, 65_000, 75_000, 85_000],
        actuals: [
          { fiscalYear: 2024, half: 1, value: 36_100, approved: true },
          { fiscalYear: 2024, half: 2, value: 41_800, approved: true },
          { fiscalYear: 2025, half: 1, value: 47_200, approved: true },
          { fiscalYear: 2025, half: 2, value: 53_900, approved: false },
        ],
      },
      {
        code: 'K2-2b',
        area: '2-5',
        name: '情報モラル・ネット安全教室の参加者の数',
        ...count('人'),
        direction: 'higher',
        weight: 30,
        targets: [3000, 3200, 3400, 3600, 3800],
        actuals: [{ fiscalYear: 2024, value: 2480, approved: true }],
      },
      {
        code: 'K2-2c',
        area: '2-7',
        name: 'ドローン・AIを活用して点検した橋梁の数',
        ...count('橋'),
        direction: 'higher',
        weight: 30,
        targets: [40, 60, 80, 100, 120],
        actuals: [{ fiscalYear: 2024, value: 29, approved: true }],
      },
    ],
  },
  {
    code: 'K3-1',
    field: 2,
    name: 'DXによる住民サービス向上の達成状況',
    parts: [
      {
        code: 'K3-1a',
        area: '3-1',
        name: 'オンラインで手続できる県の行政手続の割合',
        ...percent,
        direction: 'higher',
        weight: 60,
        targets: [60, 70, 80, 90, 95],
        actuals: [{ fiscalYear: 2024, value: 63.1, approved: true }],
      },
      {
        code: 'K3-1b',
        area: '3-1',
        name: 'キャッシュレスで納付できる県の公金の種類の割合',
        ...percent,
        direction: 'higher',
        weight: 40,
        targets: [40, 55, 70, 85, 100],
        actuals: [
          { fiscalYear: 2024, value: 41.5, approved: true },
          { fiscalYear: 2025, value: 57.0, approved: false },
        ],
      },
    ],
  },
  {
    code: 'K3-2',
    field: 2,
    name: '業務の効率化に向けたDXの推進状況',
    parts: [
      {
        code: 'K3-2a',
        area: '3-2',
        name: '業務の自動化（RPA・生成AI等）で削減した作業時間',
        ...count('時間'),
        direction: 'higher',
        weight: 40,
        targets: [10_000, 20_000, 30_000, 40_000, 50_000],
        actuals: [{ fiscalYear: 2024, value: 11_240, approved: true }],
      },
      {
        code: 'K3-2b',
        area: '3-2',
        name: 'デジタル人財育成研修を受講した県職員の数',
        ...count('人'),
        direction: 'higher',
        weight: 30,
        targets: [300, 400, 500, 600, 700],
        actuals: [{ fiscalYear: 2024, value: 318, approved: true }],
      },
      {
        code: 'K3-2c',
        area: '3-2',
        name: '職員1人当たりの月平均超過勤務時間',
        unit: '時間',
        decimals: 1,
        maxValue: null,
        direction: 'lower',
        weight: 30,
        targets: [14.0, 13.5, 13.0, 12.5, 12.0],
        actuals: [{ fiscalYear: 2024, value: 14.6, approved: true }],
      },
    ],
  },
];

/** How each KPI index is built (seed 001, line 825: KPI → 中間指標 → 組み合わせ → 指数化 → 評価). */
export function kpiExplanation(kpi: DemoKpi): string {
  const weights = kpi.parts.map((part) => `${part.name} ${part.weight}`).join('、');
  return [
    `KPI「${kpi.name}」は、複数の中間指標を組み合わせて指数化したものです。`,
    '1. 中間指標ごとに、その年度（期）の目標に対する達成率（実績÷目標×100。低いほど良い指標は目標÷実績×100）を求めます。',
    '2. 達成率は100を上限とします（目標を超えた分は数えません）。',
    `3. 重み（${weights}）で加重平均した値が指数です。100はすべての中間指標が目標に達した状態です。`,
    '4. 実績のない中間指標は除き、残りの重みで計算します。',
    'プランは中間指標・重み・指数化の方法を示していません。中間指標、重み、目標値・実績値はすべてデモ用の仮のものです。',
  ].join('\n');
}

/* ---------- roadmaps (groundwork §2 and demo ones) ---------- */

export interface DemoMilestone {
  title: string;
  plannedYear: number | null;
  /** Left empty when the date is after the day of seeding. */
  achievedOn?: string;
  note?: string;
}

export interface DemoRoadmapRow {
  title: string;
  statusKey: string;
  milestones: readonly DemoMilestone[];
}

export interface DemoRoadmap {
  /** Where the 事業 hangs: a node code (a 分野 or a 取組方針). */
  parent: string;
  code: string;
  title: string;
  division: string | null;
  description: string;
  owner: string | null;
  startsOn: string;
  endsOn: string;
  /** The level names shown when the 事業 hangs higher than the plan's 事業 level. */
  levelNames?: { initiative: string; row: string };
  rows: readonly DemoRoadmapRow[];
}

const fieldSet = (year: number) =>
  ['フィールドワーク', '実装モデル導入試験', '現地研修会'].map((title): DemoMilestone => ({ title, plannedYear: year }));
const DEMO_STEP = 'デモ用の工程です。';
const DEMO_STEP_DONE = 'デモ用の工程と達成日です。';

export const roadmaps: readonly DemoRoadmap[] = [
  {
    // Seed 002, lines 155–167: the 事業 hangs directly under the 政策分野; R5–R9 as drawn (the plan runs R6–R10).
    parent: '2',
    code: '2-事業1',
    title: '暮らし・まちのDX創出基盤の構築',
    division: '企画政策部DX推進課',
    description: '地域社会のデジタル化に向けた環境を整え、市町村の具体的な取組を支援する事業（策定委員会資料「ロードマップのイメージ」による）。',
    owner: PREF_LIVING,
    startsOn: '2023-04-01',
    endsOn: '2028-03-31',
    levelNames: { initiative: '事業', row: '取組' },
    rows: [
      {
        title: '地域社会のデジタル化促進に向けた環境整備',
        statusKey: 'in_progress',
        milestones: [
          { title: 'ニーズ調査', plannedYear: 2023, achievedOn: '2023-12-15', note: '資料の実績欄（R5）による。達成日はデモ用の日付です。' },
          { title: 'ロードマップ作成', plannedYear: 2023 },
          { title: 'ロードマップの随時アップデート', plannedYear: 2024 },
          { title: 'ニーズ再調査', plannedYear: 2025 },
        ],
      },
      { title: 'デジタル実装支援', statusKey: 'in_progress', milestones: [2023, 2024, 2025, 2026].flatMap(fieldSet) },
      {
        title: '効果的に横展開するための環境整備についての検討',
        statusKey: 'in_progress',
        milestones: [
          { title: '検討会の実施', plannedYear: 2023 },
          { title: '検討とりまとめ', plannedYear: 2024 },
          { title: 'サービスの実施', plannedYear: 2025 },
        ],
      },
    ],
  },
  {
    // 重点的に取り組む3つのDX: 産業のDX (DXパートナーとのマッチング). Content and steps are demo.
    parent: '1-1-4',
    code: '1-1-4-1',
    title: 'DXパートナーとのマッチング支援',
    division: null,
    description: '【デモ】県内企業とDXパートナー（IT事業者等）を結び付ける事業。プランの「重点的に取り組む3つのDX（産業のDX）」から作ったデモで、内容と工程は仮のものです。',
    owner: PREF_INDUSTRY,
    startsOn: '2024-04-01',
    endsOn: '2029-03-31',
    rows: [
      {
        title: 'DXパートナーの登録と公開',
        statusKey: 'in_progress',
        milestones: [
          { title: '登録要件の検討', plannedYear: 2024, achievedOn: '2024-12-20', note: DEMO_STEP_DONE },
          { title: '登録受付と一覧の公開', plannedYear: 2025, achievedOn: '2025-07-01', note: DEMO_STEP_DONE },
          { title: '登録パートナーの拡充', plannedYear: 2026, note: DEMO_STEP },
          { title: '登録要件の見直し', plannedYear: 2027, note: DEMO_STEP },
        ],
      },
      {
        title: 'マッチング会の開催',
        statusKey: 'in_progress',
        milestones: [
          { title: 'マッチング会の試行', plannedYear: 2024, achievedOn: '2025-02-14', note: DEMO_STEP_DONE },
          { title: 'マッチング会（年2回）', plannedYear: 2025, achievedOn: '2026-01-28', note: DEMO_STEP_DONE },
          { title: 'マッチング会（年2回）', plannedYear: 2026, note: DEMO_STEP },
          { title: 'マッチング会（年2回）', plannedYear: 2027, note: DEMO_STEP },
          { title: '成果の検証', plannedYear: 2028, note: DEMO_STEP },
        ],
      },
      {
        title: 'マッチング後の伴走支援',
        statusKey: 'in_progress',
        milestones: [
          { title: '支援メニューの設計', plannedYear: 2025, achievedOn: '2025-10-31', note: DEMO_STEP_DONE },
          { title: '伴走支援の開始', plannedYear: 2026, achievedOn: '2026-06-10', note: DEMO_STEP_DONE },
          { title: '支援事例集の作成', plannedYear: 2028, note: DEMO_STEP },
        ],
      },
    ],
  },
  {
    // 重点的に取り組む3つのDX: 防災のDX (スマートフォン等での防災情報入手システムの導入の検討). Steps are demo.
    parent: '2-6-1',
    code: '2-6-1-1',
    title: 'スマートフォン等で防災情報を入手できる仕組みの検討',
    division: null,
    description: '【デモ】プランの「重点的に取り組む3つのDX（防災のDX）」にある防災情報入手システムの導入の検討をもとにしたデモで、工程は仮のものです。',
    owner: PREF_LIVING,
    startsOn: '2024-04-01',
    endsOn: '2029-03-31',
    rows: [
      {
        title: '先行事例とニーズの調査',
        statusKey: 'done',
        milestones: [
          { title: '先行事例の調査', plannedYear: 2024, achievedOn: '2025-01-31', note: DEMO_STEP_DONE },
          { title: '県民ニーズの調査', plannedYear: 2024, achievedOn: '2025-03-14', note: DEMO_STEP_DONE },
        ],
      },
      {
        title: '導入方針の検討',
        statusKey: 'in_progress',
        milestones: [
          { title: '導入方針（案）の作成', plannedYear: 2025, achievedOn: '2026-03-19', note: DEMO_STEP_DONE },
          { title: '市町村との調整', plannedYear: 2026, note: DEMO_STEP },
        ],
      },
      {
        title: '試行と導入',
        statusKey: 'not_started',
        milestones: [
          { title: '試行導入', plannedYear: 2026, note: DEMO_STEP },
          { title: '本格導入', plannedYear: 2027, note: DEMO_STEP },
          { title: '効果検証', plannedYear: 2028, note: DEMO_STEP },
        ],
      },
    ],
  },
];

/* ---------- reviews and the committee ---------- */

export interface DemoReview {
  field: number;
  fiscalYear: number;
  term: 'annual' | 'first_half';
  gradeKey: 'on_track' | 'mostly_on_track' | 'slightly_behind' | 'behind';
  comment: string;
  status: 'final' | 'draft';
}

export const reviews: readonly DemoReview[] = [
  {
    field: 0,
    fiscalYear: 2024,
    term: 'annual',
    gradeKey: 'mostly_on_track',
    comment: '【デモ】中間指標の多くが目標の9割前後に達した。テレワークを導入している企業の割合は伸びが緩やかで、普及の進め方を見直す。',
    status: 'final',
  },
  {
    field: 1,
    fiscalYear: 2024,
    term: 'annual',
    gradeKey: 'slightly_behind',
    comment: '【デモ】こども・子育て関連手続のオンライン化と橋梁点検へのドローン・AI活用が目標を下回った。市町村・関係機関との調整を前倒しする。',
    status: 'final',
  },
  {
    field: 2,
    fiscalYear: 2024,
    term: 'annual',
    gradeKey: 'on_track',
    comment: '【デモ】行政手続のオンライン化とキャッシュレス納付の拡大が目標を上回った。超過勤務時間の縮減は引き続き取り組む。',
    status: 'final',
  },
  {
    field: 1,
    fiscalYear: 2025,
    term: 'first_half',
    gradeKey: 'mostly_on_track',
    comment: '【デモ・下書き】防災情報の配信登録者は増えているが、上期の目標には届いていない。安全教室は下期に集中して開催する予定。',
    status: 'draft',
  },
];

/**
 * A past meeting of the drafting committee (seed 002: its name and date). The opinions paraphrase, in our own
 * words, the remarks on how to run the plan that its materials list; members are not named.
 */
export const committeeMeeting = {
  title: '第2回「(仮称)青森県DX推進プラン」策定委員会',
  heldOn: '2023-06-07',
  summary:
    '【デモ】骨子案（各分野のめざす姿と取組方針、推進方法）を検討した回。資料に整理された推進方法に関する委員の意見を、要旨として言い換えて記録しています（発言者名は記載しません）。',
  opinions: [
    {
      speaker: '委員',
      body: '技術の移り変わりが速いので、新しい技術はまず試し、合わなければ改めるというアジャイルな進め方をとり、目標も短い区切りで立てて見直していくべきだ。',
      response: '具体的な取組とその工程はロードマップに示し、短い間隔で見直す。',
      /** Node codes the opinion concerns. */
      nodes: ['2-事業1'],
    },
    {
      speaker: '委員',
      body: 'プランは作った時点から古くなっていくので、めざす姿は抽象度を高めに書き、具体的な手段はロードマップの中で入れ替えていけばよい。',
      response: 'めざす姿は2040年の姿として示し、具体的な取組はロードマップで管理する。',
      nodes: ['1', '2', '3'],
    },
  ],
} as const;

/* ---------- AOITのDX戦略 (seed 000, groundwork §3) ---------- */

export const AOIT_ADMIN = 'admin@aomori.demo.example';
export const AOIT_STAFF = 'staff@aomori.demo.example';
export const AOIT_REVIEWER = 'staff2@aomori.demo.example';
export const AOIT_EXPERT = 'expert@aomori.demo.example';
export const AOIT_ITC = 'itc@demo.example';

export const aoitStrategy = {
  title: 'AOITのDX戦略',
  titleEn: 'AOIT DX Strategy',
  edition: '2025年11月20日 理事会承認',
  startYear: 2024,
  endYear: 2027,
  levelNames: ['領域', '取組'],
  levelNamesEn: ['Area', 'Action'],
  description: [
    '【デモ】NPO法人あおもりIT活用サポートセンター（AOIT）の「DX戦略」（2025年11月20日 理事会承認）の構成とKPIをもとにしたデモです。',
    '戦略は期間を定めておらず、KPIはいずれも年間の目標のため、期間（2024〜2027年度）はデモ用の設定です（令和6年度は窓口の実績を参照するために含めています）。',
    '「県内事業者への支援回数」は青森県DX総合窓口の相談記録（デモデータ）から自動で集計します。そのほかの実績値はデモ用の仮の値です。',
  ].join('\n'),
} as const;

export interface DemoStrategyKpi {
  area: string;
  areaDescription: string;
  owner: string;
  name: string;
  unit: string;
  target: number;
  method: string;
  source: string;
  /** Computed from the desk's records ('desk.supports', the default programme of each date). */
  computed?: boolean;
  actuals: readonly DemoActual[];
  /** Who submits the actuals (the approver is the strategy's reviewer). */
  submitter: string;
}

const DEMO_ACTUAL = '実績値はデモ用の仮の値です。';

export const aoitKpis: readonly DemoStrategyKpi[] = [
  {
    area: '「まず自ら実践する」DX文化の醸成',
    areaDescription: '支援先に提案する前に、まず自分たちで新しいツールを試し、効果を確かめてから支援に活かす。',
    owner: AOIT_STAFF,
    name: '年間3つ以上の新規ツール試行導入',
    unit: 'ツール',
    target: 3,
    method: `その年度に新たに試行導入したデジタルツールの数（法人内の試行記録による）。${DEMO_ACTUAL}`,
    source: '法人内のツール試行記録',
    actuals: [{ fiscalYear: 2025, value: 4, approved: true }],
    submitter: AOIT_STAFF,
  },
  {
    area: '県内事業者へのDX支援',
    areaDescription: '県から受託した「青森県DX総合窓口」（県内中小企業向けの無料のDX相談窓口）の運営。',
    owner: AOIT_STAFF,
    name: '年間100件以上の県内事業者への支援回数',
    unit: '件',
    target: 100,
    computed: true,
    method:
      '青森県DX総合窓口の対応記録から、各日付のデフォルトの委託事業の集計ルール（数える対応方法・相談種別・最低時間）で数えた支援回数（延べ）。実績報告の延べ件数と同じ数え方です。' +
      '参考: 令和6年度実績 延べ109件（AOIT DX戦略）。この値はデモの相談記録から集計するため、参考値とは一致しません。2024年度は戦略の期間外の参考年度で、目標はありません（当初見込みは約50件）。',
    source: 'Tsumugi 相談窓口の対応記録（自動集計）',
    actuals: [],
    submitter: AOIT_STAFF,
  },
  {
    area: 'デジタル人材のコミュニティ形成',
    areaDescription: '「#交流しようぜ」を軸に、IT技術者・小規模IT事業者・フリーランスが横につながる交流会や勉強会を開く。',
    owner: AOIT_ITC,
    name: '年間2回以上のデジタル人材交流会の開催',
    unit: '回',
    target: 2,
    method: `その年度に開催したデジタル人材交流会の回数。${DEMO_ACTUAL}`,
    source: '法人の開催記録',
    actuals: [{ fiscalYear: 2025, value: 3, approved: true }],
    submitter: AOIT_ITC,
  },
  {
    area: '女性リモートワーカーの育成',
    areaDescription: '「奥津軽ママICTワーカーカレッジ」（青森県西北地域連携部から受託）や、令和7年度からの「#あおリモ」（青森県から受託）などの講座。',
    owner: AOIT_STAFF,
    name: '年間10名以上の女性リモートワーカー輩出数',
    unit: '名',
    target: 10,
    method: `その年度に講座を修了し、リモートワーカーとして活動を始めた女性の数。${DEMO_ACTUAL}`,
    source: '講座の修了・活動状況の記録',
    actuals: [{ fiscalYear: 2025, value: 12, approved: true }],
    submitter: AOIT_STAFF,
  },
  {
    area: '教育分野のDX',
    areaDescription: '教職員向け「デジタルを活用した業務効率化・授業づくりセミナー」の出張開催と、児童・生徒・保護者向けの安全教室。',
    owner: AOIT_EXPERT,
    name: '年間3校以上の出張開催',
    unit: '校',
    target: 3,
    method: `その年度に出張開催した学校の数（同じ学校は1校と数える）。${DEMO_ACTUAL}`,
    source: '出張開催の記録',
    actuals: [{ fiscalYear: 2025, value: 4, approved: false }],
    submitter: AOIT_EXPERT,
  },
];
