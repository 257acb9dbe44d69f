/**
 * 法人番号 (corporate number): 13 digits assigned by the National Tax Agency. The **leading** digit is a check
 * digit over the 12-digit 基礎番号 (for registered companies, the 会社法人等番号):
 *
 *   check = 9 − (Σ_{n=1..12} Pn × Qn mod 9)
 *
 * where Pn is the nth digit of the base counted from the **right** and Qn is 1 for odd n and 2 for even n
 * (法人番号の指定等に関する省令 (平成26年財務省令第70号) 第2条). The check digit is therefore always 1–9.
 * Worked example: base 123456789012 → 7, so 7123456789012 is valid.
 *
 * Individual proprietors (個人事業主) have no 法人番号, so the field stays optional in the company register.
 */

const DIGITS_12 = /^\d{12}$/;
const DIGITS_13 = /^\d{13}$/;

/** Check digit (1–9) for a 12-digit 基礎番号. @throws RangeError unless exactly 12 ASCII digits. */
export function corporateNumberCheckDigit(base12: string): number {
  if (!DIGITS_12.test(base12)) {
    throw new RangeError(`A corporate number base must be 12 digits, got ${JSON.stringify(base12)}`);
  }
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = base12.charCodeAt(12 - n) - 48; // nth digit from the right
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** True for exactly 13 ASCII digits whose leading digit is the correct check digit. No normalisation. */
export function isValidCorporateNumber(value: string): boolean {
  if (typeof value !== 'string' || !DIGITS_13.test(value)) return false;
  return Number(value[0]) === corporateNumberCheckDigit(value.slice(1));
}

/**
 * Reads a corporate number as people type or paste it: full-width digits (「７１２３…」), spaces and hyphens
 * (「7-1234-5678-9012」) are accepted. Returns the canonical 13-digit string, or `null` when the result is not a
 * valid corporate number. Use this at input boundaries; store only the canonical form.
 */
export function parseCorporateNumber(input: string): string | null {
  if (typeof input !== 'string') return null;
  const canonical = input
    .normalize('NFKC')
    .replace(/[\s\-‐‑‒–—―−ー]/g, '');
  return isValidCorporateNumber(canonical) ? canonical : null;
}
