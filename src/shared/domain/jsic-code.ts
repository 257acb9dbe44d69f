/**
 * Code structure of 日本標準産業分類 (JSIC), 令和5年7月改定 (第14回), in force 2024-04-01: 大分類 is one letter
 * A–T, 中分類 two digits 01–99 (numbered consecutively across 大分類), 小分類 three digits beginning with its
 * 中分類. The names live in the reference data (`src/shared/reference`); this module only knows which 中分類
 * range belongs to which 大分類, so domain rules can validate and derive codes without loading the tables.
 * The unit tests check this table against the reference data.
 */

export type JsicMajorCode =
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J'
  | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T';

/** First and last 中分類 of every 大分類 (inclusive). */
export const JSIC_MIDDLE_RANGES: Readonly<Record<JsicMajorCode, readonly [number, number]>> = {
  A: [1, 2],
  B: [3, 4],
  C: [5, 5],
  D: [6, 8],
  E: [9, 32],
  F: [33, 36],
  G: [37, 41],
  H: [42, 49],
  I: [50, 61],
  J: [62, 67],
  K: [68, 70],
  L: [71, 74],
  M: [75, 77],
  N: [78, 80],
  O: [81, 82],
  P: [83, 85],
  Q: [86, 87],
  R: [88, 96],
  S: [97, 98],
  T: [99, 99],
};

export const JSIC_MAJOR_CODES = Object.keys(JSIC_MIDDLE_RANGES) as JsicMajorCode[];

export function isJsicMajorCode(value: unknown): value is JsicMajorCode {
  return typeof value === 'string' && Object.hasOwn(JSIC_MIDDLE_RANGES, value);
}

/** Two ASCII digits 01–99. */
export function isJsicMiddleCode(value: unknown): value is string {
  return typeof value === 'string' && /^(0[1-9]|[1-9]\d)$/.test(value);
}

/** The 大分類 of a 中分類 code: 「09」 → 「E」. @throws RangeError for a malformed code. */
export function jsicMajorOfMiddleCode(middle: string): JsicMajorCode {
  if (!isJsicMiddleCode(middle)) throw new RangeError(`Not a JSIC 中分類 code: ${JSON.stringify(middle)}`);
  const n = Number(middle);
  for (const major of JSIC_MAJOR_CODES) {
    const [from, to] = JSIC_MIDDLE_RANGES[major];
    if (n >= from && n <= to) return major;
  }
  // Unreachable: the ranges cover 01–99.
  throw new RangeError(`Not a JSIC 中分類 code: ${middle}`);
}

/** All 中分類 codes of a 大分類, zero-padded: 「M」 → ['75', '76', '77']. */
export function jsicMiddleCodesOf(major: JsicMajorCode): string[] {
  const [from, to] = JSIC_MIDDLE_RANGES[major];
  const codes: string[] = [];
  for (let n = from; n <= to; n++) codes.push(String(n).padStart(2, '0'));
  return codes;
}
