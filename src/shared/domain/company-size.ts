/**
 * 規模区分 under 中小企業基本法 (Small and Medium-sized Enterprise Basic Act) 第2条, derived from the industry
 * (JSIC), the capital (資本金の額又は出資の総額, 円) and the regular employees (常時使用する従業員).
 *
 * ## The rule
 *
 * | sector (`SizeSector`)            | 中小企業者: capital ≤ | **or** employees ≤ | 小規模企業者: employees ≤ |
 * |----------------------------------|----------------------|--------------------|--------------------------|
 * | 製造業その他 `manufacturing_other` | 3億円                 | 300                | 20                       |
 * | 卸売業 `wholesale`                 | 1億円                 | 100                | 5                        |
 * | 小売業 `retail`                    | 5千万円               | 50                 | 5                        |
 * | サービス業 `services`               | 5千万円               | 100                | 5 (宿泊業・娯楽業: 20)     |
 *
 * - 中小企業者 if the capital is within the limit **or** the employees are within the limit: either test is
 *   enough, so a company with 10億円 capital and 30 employees in manufacturing is an SME.
 * - 小規模企業者 is decided by employees only (「おおむね常時使用する従業員の数が二十人（商業又はサービス業は五人）
 *   以下」, 第2条第5項). Its limit is never above the SME employee limit, so every 小規模企業者 is also a 中小企業者;
 *   the classes returned here are exclusive: `small` ⊂ SME is reported as `small`, the rest of SMEs as `sme`.
 * - 宿泊業 (JSIC 75) and 娯楽業 (JSIC 80): 小規模企業者 up to **20** employees. This is the 2014 政令 special case
 *   adopted by the support laws (中小企業信用保険法, 小規模企業共済法 等) after 小規模企業活性化法 (2013).
 *   Their SME limits stay those of サービス業.
 * - Sole proprietors (個人事業主) have no capital, so only the employee test applies (`soleProprietor: true`).
 *
 * Not implemented (deliberately): the statute-specific 政令 exceptions to the *SME* limits (ゴム製品製造業 3億円/900人
 * except tyres and industrial belts, ソフトウェア業・情報処理サービス業 3億円/300人, 旅館業 5千万円/200人). They apply
 * only under particular laws and partly need JSIC 細分類; add them as an option if a programme needs them.
 *
 * ## Sector mapping (中小企業庁 「中小企業・小規模企業者の定義」 by JSIC; the codes are unchanged in the 第14回 revision)
 *
 * - 卸売業: I 50–55.
 * - 小売業: I 56–61, and M 76 飲食店 and 77 持ち帰り・配達飲食サービス業 (restaurants count as retail under the Act).
 * - サービス業: G 38 放送業, 39 情報サービス業, 小分類 411 映像情報制作・配給業, 412 音声情報制作業, 415 広告制作業,
 *   416 映像・音声・文字情報制作に附帯するサービス業; K 小分類 693 駐車場業 and 70 物品賃貸業; all of L; M 75 宿泊業;
 *   all of N except 小分類 791 旅行業; all of O, P, Q, R.
 * - 製造業その他: everything else (A–F, G 37 通信業 and 40 インターネット附随サービス業, 41's 413 新聞業 and 414 出版業,
 *   H, J, K 68 and 69 except 693, 791 旅行業, S, T).
 *
 * Three 中分類 are split at 小分類 level (41, 69, 79). With only the 中分類 (or only the 大分類) the sector can be
 * one of several; the result is then computed for **every** possible sector and returned only when they all agree,
 * otherwise `unknown`. The same applies to missing capital or employees: the rules never guess.
 */
import {
  type JsicMajorCode,
  isJsicMajorCode,
  isJsicMiddleCode,
  jsicMajorOfMiddleCode,
  jsicMiddleCodesOf,
} from './jsic-code.js';

export type SizeSector = 'manufacturing_other' | 'wholesale' | 'retail' | 'services';

/** 'small' 小規模企業者, 'sme' 中小企業者 (not 小規模), 'large' 大企業, 'unknown' not enough data to decide. */
export type CompanySize = 'small' | 'sme' | 'large' | 'unknown';

export interface SmeLimits {
  /** 中小企業者 if capital ≤ this (円)… */
  readonly capitalYen: number;
  /** …or regular employees ≤ this. */
  readonly employees: number;
  /** 小規模企業者 if regular employees ≤ this. */
  readonly smallEmployees: number;
}

export const SME_LIMITS: Readonly<Record<SizeSector, SmeLimits>> = {
  manufacturing_other: { capitalYen: 300_000_000, employees: 300, smallEmployees: 20 },
  wholesale: { capitalYen: 100_000_000, employees: 100, smallEmployees: 5 },
  retail: { capitalYen: 50_000_000, employees: 50, smallEmployees: 5 },
  services: { capitalYen: 50_000_000, employees: 100, smallEmployees: 5 },
};

/** 小規模企業者 employee limit for 宿泊業 (JSIC 75) and 娯楽業 (JSIC 80). */
export const ACCOMMODATION_ENTERTAINMENT_SMALL_EMPLOYEES = 20;

/** One way the limits can apply: a sector plus its 小規模 employee limit (which differs for 宿泊業・娯楽業). */
interface SizeRule {
  readonly sector: SizeSector;
  readonly limits: SmeLimits;
}

function rule(sector: SizeSector, smallEmployees?: number): SizeRule {
  const base = SME_LIMITS[sector];
  return { sector, limits: smallEmployees === undefined ? base : { ...base, smallEmployees } };
}

const MANUFACTURING_OTHER = rule('manufacturing_other');
const WHOLESALE = rule('wholesale');
const RETAIL = rule('retail');
const SERVICES = rule('services');
const SERVICES_ACCOMMODATION_ENTERTAINMENT = rule('services', ACCOMMODATION_ENTERTAINMENT_SMALL_EMPLOYEES);
const ALL_RULES = [MANUFACTURING_OTHER, WHOLESALE, RETAIL, SERVICES, SERVICES_ACCOMMODATION_ENTERTAINMENT];

/** 中分類 that are wholly サービス業 (besides 75 and 80, which carry the 小規模 special case). */
const SERVICE_MIDDLES = new Set([38, 39, 70, 71, 72, 73, 74, 78, 81, 82, 83, 84, 85, 86, 87]);
for (let n = 88; n <= 96; n++) SERVICE_MIDDLES.add(n);

/** 小分類 rules for the three split 中分類: which minor codes are サービス業 (the rest is 製造業その他). */
const SPLIT_MIDDLES: ReadonlyMap<number, { services: ReadonlySet<string>; other: ReadonlySet<string> }> = new Map([
  [41, { services: new Set(['411', '412', '415', '416']), other: new Set(['413', '414']) }],
  [69, { services: new Set(['693']), other: new Set(['691', '692', '694']) }],
  [79, { services: new Set(['792', '793', '794', '795', '796', '799']), other: new Set(['791']) }],
]);

function rulesOfMiddle(middle: string, minor: string | undefined): SizeRule[] {
  const n = Number(middle);
  if (n >= 50 && n <= 55) return [WHOLESALE];
  if ((n >= 56 && n <= 61) || n === 76 || n === 77) return [RETAIL];
  if (n === 75 || n === 80) return [SERVICES_ACCOMMODATION_ENTERTAINMENT];
  if (SERVICE_MIDDLES.has(n)) return [SERVICES];
  const split = SPLIT_MIDDLES.get(n);
  if (split) {
    if (minor !== undefined && split.services.has(minor)) return [SERVICES];
    if (minor !== undefined && split.other.has(minor)) return [MANUFACTURING_OTHER];
    // Unknown minor, or xx0 「管理，補助的経済活動を行う事業所」 (a head office whose group could be either).
    return [SERVICES, MANUFACTURING_OTHER];
  }
  return [MANUFACTURING_OTHER];
}

function uniqueRules(rules: SizeRule[]): SizeRule[] {
  return [...new Set(rules)];
}

/**
 * The size rules that may apply to an industry; several when the codes given do not decide the sector.
 * Validates the codes and their consistency (major vs middle, middle vs minor).
 */
function candidateRules(jsicMajor?: string | null, jsicMiddle?: string | null, jsicMinor?: string | null): SizeRule[] {
  const major = jsicMajor ?? undefined;
  const middle = jsicMiddle ?? undefined;
  const minor = jsicMinor ?? undefined;
  if (major !== undefined && !isJsicMajorCode(major)) {
    throw new RangeError(`Not a JSIC 大分類 code: ${JSON.stringify(major)}`);
  }
  if (middle !== undefined && !isJsicMiddleCode(middle)) {
    throw new RangeError(`Not a JSIC 中分類 code: ${JSON.stringify(middle)}`);
  }
  if (minor !== undefined) {
    if (!/^\d{3}$/.test(minor)) throw new RangeError(`Not a JSIC 小分類 code: ${JSON.stringify(minor)}`);
    if (middle === undefined) throw new RangeError('A JSIC 小分類 needs its 中分類');
    if (!minor.startsWith(middle)) throw new RangeError(`小分類 ${minor} is not under 中分類 ${middle}`);
  }
  if (middle !== undefined) {
    const majorOfMiddle = jsicMajorOfMiddleCode(middle);
    if (major !== undefined && major !== majorOfMiddle) {
      throw new RangeError(`中分類 ${middle} belongs to 大分類 ${majorOfMiddle}, not ${major}`);
    }
    return rulesOfMiddle(middle, minor);
  }
  if (major !== undefined) {
    return uniqueRules(jsicMiddleCodesOf(major as JsicMajorCode).flatMap((m) => rulesOfMiddle(m, undefined)));
  }
  return ALL_RULES;
}

/**
 * The 中小企業基本法 sector of an industry, or `null` when the codes given do not decide it (no code; 大分類 I, G,
 * K, M or N alone; 中分類 41, 69 or 79 without the 小分類). Examples: ('E','09') → manufacturing_other;
 * ('I','52') → wholesale; ('M','76') → retail; ('M','75') → services; ('K','69','693') → services.
 * @throws RangeError for malformed or inconsistent codes (e.g. 大分類 'E' with 中分類 '52').
 */
export function sizeSectorOf(
  jsicMajor?: string | null,
  jsicMiddle?: string | null,
  jsicMinor?: string | null,
): SizeSector | null {
  const sectors = new Set(candidateRules(jsicMajor, jsicMiddle, jsicMinor).map((r) => r.sector));
  return sectors.size === 1 ? [...sectors][0]! : null;
}

export interface CompanySizeInput {
  /** JSIC 大分類 letter ('A'–'T'). Optional when the 中分類 is given (it determines the 大分類). */
  readonly jsicMajor?: string | null;
  /** JSIC 中分類, two digits ('09'). */
  readonly jsicMiddle?: string | null;
  /** JSIC 小分類, three digits ('693'); only needed to split 中分類 41, 69 and 79. */
  readonly jsicMinor?: string | null;
  /** 資本金の額又は出資の総額 in 円. */
  readonly capitalYen?: number | null;
  /** 常時使用する従業員の数 (regular employees; excludes officers and most part-timers). */
  readonly employees?: number | null;
  /** 個人事業主: no capital, so the size is decided by employees only. */
  readonly soleProprietor?: boolean;
}

export interface CompanySizeAssessment {
  readonly size: CompanySize;
  /** The sector used, or null when several were possible. */
  readonly sector: SizeSector | null;
  /** 中小企業者 (including 小規模)? null = undecidable with the data given. */
  readonly isSme: boolean | null;
  /** 小規模企業者? null = undecidable with the data given. */
  readonly isSmall: boolean | null;
}

type Tri = boolean | null;

function assertAmount(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
}

function evaluate(r: SizeRule, capitalYen: number | undefined, employees: number | undefined): CompanySizeAssessment {
  const byCapital: Tri = capitalYen === undefined ? null : capitalYen <= r.limits.capitalYen;
  const byEmployees: Tri = employees === undefined ? null : employees <= r.limits.employees;
  // Three-valued OR: one satisfied test is enough; "not SME" needs both tests known and failed.
  const isSme: Tri = byCapital === true || byEmployees === true ? true : byCapital === false && byEmployees === false ? false : null;
  const isSmall: Tri = employees === undefined ? null : employees <= r.limits.smallEmployees;
  let size: CompanySize;
  if (isSme === false) size = 'large';
  else if (isSme === null) size = 'unknown';
  else size = isSmall === null ? 'unknown' : isSmall ? 'small' : 'sme';
  return { size, sector: r.sector, isSme, isSmall };
}

function agree<T>(values: T[], fallback: T): T {
  return values.every((v) => v === values[0]) ? values[0]! : fallback;
}

/**
 * Full assessment: the size class plus the sector and the two underlying tests, for explaining the result
 * in the UI. See the module comment for the rules.
 * @throws RangeError for malformed/inconsistent JSIC codes or negative/non-finite amounts.
 */
export function assessCompanySize(input: CompanySizeInput): CompanySizeAssessment {
  const rules = candidateRules(input.jsicMajor, input.jsicMiddle, input.jsicMinor);
  const capital = input.soleProprietor ? undefined : (input.capitalYen ?? undefined);
  const employees = input.employees ?? undefined;
  if (capital !== undefined) assertAmount('capitalYen', capital);
  if (employees !== undefined) assertAmount('employees', employees);
  // A sole proprietor has no capital at all: the capital test is known to fail, not unknown.
  const capitalForTest = input.soleProprietor ? Number.POSITIVE_INFINITY : capital;
  const results = rules.map((r) => evaluate(r, capitalForTest, employees));
  return {
    size: agree(results.map((r) => r.size), 'unknown' as CompanySize),
    sector: agree(results.map((r) => r.sector), null as SizeSector | null),
    isSme: agree(results.map((r) => r.isSme), null as Tri),
    isSmall: agree(results.map((r) => r.isSmall), null as Tri),
  };
}

/**
 * 規模区分 of a company: 'small' (小規模企業者), 'sme' (中小企業者 other than 小規模), 'large' (大企業) or
 * 'unknown' (the data given cannot decide). Examples (製造業, JSIC E): 3億円 & 500 employees → 'sme';
 * 3億円+1 & 301 → 'large'; capital unknown & 20 employees → 'small'; capital unknown & 301 → 'unknown'.
 */
export function deriveCompanySize(input: CompanySizeInput): CompanySize {
  return assessCompanySize(input).size;
}
