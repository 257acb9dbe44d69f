import { corporateNumberCheckDigit } from '../../shared/domain/corporate-number';
import { municipalitiesOfPrefecture } from '../../shared/reference';
import type { CompanyCreateInput, EntityType } from '../../shared/schemas/company';
import type { Role } from '../../shared/roles';

/**
 * Synthetic demo data: an Aomori DX desk, a Koriyama city platform and the Aomori prefecture's DX
 * division (its plan: demo-plans.ts). Every person, company, address, number and e-mail here is made up
 * (addresses use the reserved .example domain); the municipalities and industry codes are the real
 * public tables, and the organisations' names are their public names.
 */

export const DEMO_PASSWORD = 'tsumugi-demo-2026';

export interface DemoTenant {
  key: 'aomori' | 'koriyama' | 'pref';
  slug: string;
  name: string;
  nameEn: string;
  kind: string;
  prefectureCode: string;
}

export const demoTenants: DemoTenant[] = [
  { key: 'aomori', slug: 'aomori-dx-desk', name: '青森県DX総合窓口', nameEn: 'Aomori DX Desk', kind: 'desk', prefectureCode: '02' },
  { key: 'koriyama', slug: 'koriyama-dx', name: '郡山DXプラットフォーム', nameEn: 'Koriyama DX Platform', kind: 'municipal_platform', prefectureCode: '07' },
  { key: 'pref', slug: 'aomori-pref-dx', name: '青森県 企画政策部 DX推進課', nameEn: 'Aomori Prefecture DX Promotion Division', kind: 'prefecture', prefectureCode: '02' },
];

export interface DemoUser {
  email: string;
  name: string;
  description: string;
  memberships: { tenant: DemoTenant['key']; role: Role }[];
  isPlatformAdmin?: boolean;
}

export const demoUsers: DemoUser[] = [
  { email: 'admin@aomori.demo.example', name: '窓口 管理子', description: '窓口の事務局長（管理者）', memberships: [{ tenant: 'aomori', role: 'admin' }], isPlatformAdmin: true },
  { email: 'staff@aomori.demo.example', name: '相談 一郎', description: '相談員（スタッフ）', memberships: [{ tenant: 'aomori', role: 'staff' }] },
  { email: 'staff2@aomori.demo.example', name: '支援 春香', description: '相談員（スタッフ）', memberships: [{ tenant: 'aomori', role: 'staff' }] },
  {
    email: 'itc@demo.example',
    name: '伴走 誠',
    description: 'ITコーディネータ（両方の組織の専門家）',
    memberships: [
      { tenant: 'aomori', role: 'expert' },
      { tenant: 'koriyama', role: 'expert' },
    ],
  },
  { email: 'expert@aomori.demo.example', name: '技術 詩織', description: '専門家', memberships: [{ tenant: 'aomori', role: 'expert' }] },
  { email: 'bank@aomori.demo.example', name: '融資 健太', description: '地域銀行の担当者（連携先）', memberships: [{ tenant: 'aomori', role: 'partner' }] },
  { email: 'pref@aomori.demo.example', name: '県庁 律子', description: '委託元の県担当者（閲覧者）', memberships: [{ tenant: 'aomori', role: 'viewer' }] },
  { email: 'admin@koriyama.demo.example', name: '郡山 管理男', description: '郡山DXプラットフォームの管理者', memberships: [{ tenant: 'koriyama', role: 'admin' }] },
  { email: 'admin@pref.demo.example', name: '企画 進', description: '県DX推進課 担当（管理者）: DX推進プランの編集・公開', memberships: [{ tenant: 'pref', role: 'admin' }] },
  { email: 'reviewer@pref.demo.example', name: '評価 直子', description: '県DX推進課 課長補佐: プランの評価者（実績の承認）', memberships: [{ tenant: 'pref', role: 'staff' }] },
  { email: 'industry@pref.demo.example', name: '産業 拓也', description: '産業・しごと分野の担当（デモ）: 実績の報告', memberships: [{ tenant: 'pref', role: 'expert' }] },
  { email: 'living@pref.demo.example', name: '暮らし 美和', description: '暮らし・まち分野の担当（デモ）: 実績の報告', memberships: [{ tenant: 'pref', role: 'expert' }] },
  { email: 'viewer@pref.demo.example', name: '本部 千秋', description: 'DX推進本部事務局（閲覧者）', memberships: [{ tenant: 'pref', role: 'viewer' }] },
];

/** A small deterministic generator, so the demo is the same on every machine. */
export function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return items[items.length - 1]![0];
    },
  };
}

const placeWords = [
  ['津軽', 'つがる'], ['八甲田', 'はっこうだ'], ['陸奥', 'むつ'], ['岩木', 'いわき'], ['十和田', 'とわだ'], ['下北', 'しもきた'],
  ['奥入瀬', 'おいらせ'], ['白神', 'しらかみ'], ['三八', 'さんぱち'], ['北斗', 'ほくと'], ['東雲', 'しののめ'], ['朝凪', 'あさなぎ'],
  ['雪国', 'ゆきぐに'], ['林檎の里', 'りんごのさと'], ['北の浜', 'きたのはま'], ['みちのく', 'みちのく'], ['あおば', 'あおば'], ['七草', 'ななくさ'],
] as const;

/** Business words by JSIC 大分類, with the 中分類 they belong to. */
const businessByMajor: Record<string, readonly (readonly [string, string, string])[]> = {
  A: [['農園', 'のうえん', '01'], ['りんご園', 'りんごえん', '01'], ['ファーム', 'ふぁーむ', '01'], ['林業', 'りんぎょう', '02']],
  B: [['水産', 'すいさん', '03'], ['漁業', 'ぎょぎょう', '03'], ['養殖', 'ようしょく', '04']],
  D: [['建設', 'けんせつ', '06'], ['工務店', 'こうむてん', '07'], ['設備工業', 'せつびこうぎょう', '08']],
  E: [['食品', 'しょくひん', '09'], ['精工', 'せいこう', '26'], ['製作所', 'せいさくしょ', '25'], ['木工', 'もっこう', '12'], ['酒造', 'しゅぞう', '10'], ['印刷', 'いんさつ', '15']],
  G: [['システム', 'しすてむ', '39'], ['ソフト', 'そふと', '39'], ['ネット', 'ねっと', '40']],
  H: [['運輸', 'うんゆ', '44'], ['物流', 'ぶつりゅう', '44'], ['交通', 'こうつう', '43']],
  I: [['商店', 'しょうてん', '58'], ['商事', 'しょうじ', '52'], ['物産', 'ぶっさん', '52'], ['ストア', 'すとあ', '58']],
  K: [['不動産', 'ふどうさん', '68'], ['リース', 'りーす', '70']],
  L: [['設計事務所', 'せっけいじむしょ', '74'], ['デザイン', 'でざいん', '73']],
  M: [['旅館', 'りょかん', '75'], ['ホテル', 'ほてる', '75'], ['食堂', 'しょくどう', '76'], ['珈琲店', 'こーひーてん', '76']],
  N: [['美容室', 'びようしつ', '78'], ['クリーニング', 'くりーにんぐ', '78'], ['観光', 'かんこう', '79']],
  O: [['学習塾', 'がくしゅうじゅく', '82'], ['学園', 'がくえん', '81']],
  P: [['介護サービス', 'かいごさーびす', '85'], ['クリニック', 'くりにっく', '83']],
  R: [['サービス', 'さーびす', '92'], ['整備', 'せいび', '89']],
};

const majorWeights: readonly (readonly [string, number])[] = [
  ['E', 22], ['A', 14], ['D', 12], ['I', 14], ['M', 9], ['H', 6], ['G', 5], ['B', 4], ['N', 5], ['P', 4], ['O', 3], ['R', 4], ['K', 2], ['L', 2],
];

const legalForms: readonly (readonly [string, string, EntityType, number])[] = [
  ['株式会社', 'かぶしきがいしゃ', 'corporation', 55],
  ['有限会社', 'ゆうげんがいしゃ', 'corporation', 15],
  ['合同会社', 'ごうどうがいしゃ', 'corporation', 6],
  ['', '', 'sole_proprietor', 14],
  ['特定非営利活動法人', 'とくていひえいりかつどうほうじん', 'npo', 3],
  ['', '', 'prospective_founder', 3],
  ['', '', 'association', 2],
];

const familyNames = ['佐藤', '工藤', '成田', '木村', '三上', '鈴木', '中村', '斎藤', '小山内', '奈良', '葛西', '對馬'];
const givenNames = ['一', '花', '陽', '結', '翔', '舞', '蓮', '葵', '大地', '美咲'];
const tagPool = ['DX相談', 'ペーパーレス', 'EC', 'セキュリティ', '補助金', '人材育成', 'クラウド会計', '受発注', 'データ活用', '事例候補'];

/** Population-like weights so that the cities get more companies than the villages. */
function municipalityWeights(prefectureCode: string): (readonly [string, number])[] {
  const heavy: Record<string, number> = { '022012': 30, '022039': 26, '022021': 18, '022063': 7, '022055': 6, '022071': 5, '022080': 5, '072036': 40, '072044': 8, '072010': 6 };
  return municipalitiesOfPrefecture(prefectureCode)
    .filter((m) => m.kind !== 'ward')
    .map((m) => [m.code6, heavy[m.code6] ?? (m.kind === 'city' ? 3 : 1)] as const);
}

/** A synthetic but well-formed 法人番号 (the check digit is computed, the base is random). */
function syntheticCorporateNumber(random: ReturnType<typeof generator>): string {
  let base = '';
  for (let i = 0; i < 12; i++) base += String(random.int(0, 9));
  return `${corporateNumberCheckDigit(base)}${base}`;
}

/**
 * `count` synthetic companies. Names are unique unless `uniqueNames` is false (the word lists give a few
 * thousand names; large benchmark files add their own distinguishing suffix).
 */
export function demoCompanies(tenant: DemoTenant, count: number, seed: number, { uniqueNames = true } = {}): CompanyCreateInput[] {
  const random = generator(seed);
  const municipalities = municipalityWeights(tenant.prefectureCode);
  const companies: CompanyCreateInput[] = [];
  const usedNames = new Set<string>();
  while (companies.length < count) {
    const [place, placeKana] = random.pick(placeWords);
    const major = random.weighted(majorWeights);
    const [business, businessKana, middle] = random.pick(businessByMajor[major]!);
    const [form, , entityType] = random.weighted(legalForms.map((entry) => [entry, entry[3]] as const));
    const core = `${place}${business}`;
    const name = form ? (random.next() < 0.8 ? `${form}${core}` : `${core}${form}`) : entityType === 'sole_proprietor' ? `${core} ${random.pick(familyNames)}` : `${core}（創業準備）`;
    if (uniqueNames && usedNames.has(name)) continue;
    usedNames.add(name);
    // Most support goes to small firms: employees follow a long tail; sole proprietors and groups stay small.
    const employees =
      entityType === 'prospective_founder'
        ? null
        : entityType === 'sole_proprietor' || entityType === 'association'
          ? random.int(0, 9)
          : Math.max(1, Math.round(Math.exp(random.next() * 5.2)));
    const capitalYen = entityType === 'corporation' ? random.pick([3_000_000, 5_000_000, 10_000_000, 20_000_000, 30_000_000, 50_000_000, 100_000_000, 350_000_000]) : null;
    const representative = `${random.pick(familyNames)} ${random.pick(givenNames)}`;
    const hasContact = random.next() < 0.85;
    companies.push({
      name,
      nameKana: `${placeKana}${businessKana}`.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)),
      entityType,
      corporateNumber: entityType === 'corporation' || entityType === 'npo' ? syntheticCorporateNumber(random) : null,
      representativeName: entityType === 'prospective_founder' ? null : representative,
      representativeTitle: entityType === 'corporation' ? '代表取締役' : entityType === 'npo' ? '理事長' : entityType === 'sole_proprietor' ? '代表' : null,
      postalCode: null,
      prefectureCode: tenant.prefectureCode,
      municipalityCode: random.weighted(municipalities),
      addressLine: `デモ町${random.int(1, 9)}丁目${random.int(1, 30)}-${random.int(1, 20)}`,
      jsicMajor: major as CompanyCreateInput['jsicMajor'],
      jsicMiddle: middle,
      employees,
      capitalYen,
      tags: random.next() < 0.6 ? [random.pick(tagPool), ...(random.next() < 0.3 ? [random.pick(tagPool)] : [])].filter((tag, i, all) => all.indexOf(tag) === i) : [],
      notes: random.next() < 0.5 ? demoNote(random, business) : null,
      consentShareWithPartners: random.next() < 0.4,
      contacts: hasContact
        ? [
            {
              name: representative,
              nameKana: null,
              role: entityType === 'corporation' ? '代表取締役' : '代表',
              email: `contact${companies.length + 1}@${tenant.key}-companies.example`,
              phone: `0${tenant.key === 'aomori' ? '17' : '24'}-000-${String(1000 + companies.length).slice(-4)}`,
              isPrimary: true,
            },
          ]
        : [],
      externalIds: random.next() < 0.3 ? [{ system: 'kintone', value: String(1000 + companies.length) }] : [],
    });
  }
  return companies;
}

function demoNote(random: ReturnType<typeof generator>, business: string): string {
  return random.pick([
    `紙の受発注伝票を電子化したい。${business}の繁忙期は手書きの転記に毎日2時間かかっている。`,
    '見積書と請求書をExcelで個別に作成しており、インボイス対応に不安がある。',
    '在庫数が帳簿と合わないことが多く、棚卸に丸一日かかる。',
    'ホームページからの問い合わせが少ない。ネット販売を始めたいが何から手を付ければよいか分からない。',
    '従業員のシフト表を紙で作っていて、急な休みの調整が大変。',
    'セキュリティ対策をしていないので、SECURITY ACTIONの宣言から始めたい。',
    `${business}の日報が紙で、集計に時間がかかる。データを経営判断に使いたい。`,
  ]);
}
