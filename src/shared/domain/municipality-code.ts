/**
 * 全国地方公共団体コード (local government code): 6 digits = 2-digit 都道府県コード (JIS X 0401, 01 北海道 … 47 沖縄)
 * + 3-digit 市区町村コード (JIS X 0402) + 1 check digit. Prefectures use `PP000` + check (北海道 010006).
 *
 * Check digit (総務省): multiply digits 1–5 by 6, 5, 4, 3, 2, take the sum mod 11, and use the last digit of
 * (11 − remainder); so remainder 0 gives 1 and remainder 1 gives 0.
 *
 * The 5-digit form without the check digit is what JIS X 0402, 統計の標準地域コード and 国土数値情報 use. Because
 * a 5-digit string can also be a 6-digit code whose leading zero was lost (e.g. 「10006」 from a spreadsheet),
 * this module never guesses: callers convert explicitly with `withMunicipalityCheckDigit` or by padding.
 *
 * Codes change with mergers and ward reorganisations; never derive a name from the code alone for historical
 * records (see the reference data's edition).
 */

const DIGITS_5 = /^\d{5}$/;
const DIGITS_6 = /^\d{6}$/;
const WEIGHTS = [6, 5, 4, 3, 2] as const;

/** Check digit (0–9) for a 5-digit code. @throws RangeError unless exactly 5 ASCII digits. */
export function municipalityCheckDigit(code5: string): number {
  if (!DIGITS_5.test(code5)) {
    throw new RangeError(`A municipality code without check digit must be 5 digits, got ${JSON.stringify(code5)}`);
  }
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += (code5.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return (11 - (sum % 11)) % 10;
}

/** Appends the check digit to a 5-digit code: 「01100」 → 「011002」. */
export function withMunicipalityCheckDigit(code5: string): string {
  return `${code5}${municipalityCheckDigit(code5)}`;
}

function hasValidPrefecturePart(code: string): boolean {
  const pref = Number(code.slice(0, 2));
  return pref >= 1 && pref <= 47;
}

/**
 * True for 6 ASCII digits with a correct check digit and a prefecture part 01–47. (Without the prefecture
 * check, 「000001」 would pass: the check digit alone cannot catch it.)
 */
export function isValidMunicipalityCode(code6: string): boolean {
  if (typeof code6 !== 'string' || !DIGITS_6.test(code6) || !hasValidPrefecturePart(code6)) return false;
  return Number(code6[5]) === municipalityCheckDigit(code6.slice(0, 5));
}

function assertValid(code6: string): void {
  if (!isValidMunicipalityCode(code6)) {
    throw new RangeError(`Not a valid 全国地方公共団体コード: ${JSON.stringify(code6)}`);
  }
}

/** The 2-digit 都道府県コード: 「022012」 (青森市) → 「02」. @throws RangeError for an invalid code. */
export function prefectureCodeOf(code6: string): string {
  assertValid(code6);
  return code6.slice(0, 2);
}

/** True when the code designates a prefecture itself (市区町村 part 000): 「020001」 青森県. */
export function isPrefectureCode(code6: string): boolean {
  return isValidMunicipalityCode(code6) && code6.slice(2, 5) === '000';
}

/** The 6-digit code of a prefecture from its 2-digit code (「2」 or 「02」 → 「020001」). */
export function prefectureCode6(code2: string | number): string {
  const padded = String(code2).padStart(2, '0');
  if (!/^\d{2}$/.test(padded) || !hasValidPrefecturePart(padded)) {
    throw new RangeError(`Not a prefecture code (01–47): ${JSON.stringify(code2)}`);
  }
  return withMunicipalityCheckDigit(`${padded}000`);
}
