import { describe, expect, it } from 'vitest';
import {
  corporateNumberCheckDigit,
  isValidCorporateNumber,
  parseCorporateNumber,
} from '../../src/shared/domain/corporate-number.js';

/** Independent re-statement of 財務省令第70号 §2, written differently from the implementation. */
function referenceCheckDigit(base12: string): number {
  const digits = [...base12].map(Number).reverse(); // digits[0] = P1 (rightmost)
  const sum = digits.reduce((s, p, i) => s + p * ((i + 1) % 2 === 1 ? 1 : 2), 0);
  return 9 - (sum % 9);
}

// Published numbers from the 国税庁 法人番号公表サイト.
const PUBLIC_NUMBERS = {
  国税庁: '7000012050002',
  トヨタ自動車株式会社: '1180301018771',
  ソニーグループ株式会社: '5010401067252',
  任天堂株式会社: '1130001011420',
};

describe('corporateNumberCheckDigit', () => {
  it('reproduces the worked example: base 123456789012 → 7', () => {
    expect(corporateNumberCheckDigit('123456789012')).toBe(7);
  });

  it.each(Object.entries(PUBLIC_NUMBERS))('derives the published check digit of %s (%s)', (_name, number) => {
    expect(corporateNumberCheckDigit(number.slice(1))).toBe(Number(number[0]));
  });

  it('gives 9 for an all-zero base (sum 0) and never 0', () => {
    expect(corporateNumberCheckDigit('000000000000')).toBe(9);
    // Σ = 9 → 9 − 0 = 9 as well: the digit is always in 1–9.
    expect(corporateNumberCheckDigit('000000000009')).toBe(9);
    for (let i = 0; i < 2000; i++) {
      const base = String((i * 7_919_113_457) % 1_000_000_000_000).padStart(12, '0');
      const d = corporateNumberCheckDigit(base);
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(9);
      expect(d).toBe(referenceCheckDigit(base));
    }
  });

  it('weights odd positions from the right by 1 and even positions by 2', () => {
    // P1 = 1 (rightmost): sum 1 → 8; P2 = 1: sum 2 → 7.
    expect(corporateNumberCheckDigit('000000000001')).toBe(8);
    expect(corporateNumberCheckDigit('000000000010')).toBe(7);
    // P12 (leftmost, even) = 1: sum 2 → 7; P11 (odd) = 1: sum 1 → 8.
    expect(corporateNumberCheckDigit('100000000000')).toBe(7);
    expect(corporateNumberCheckDigit('010000000000')).toBe(8);
  });

  it.each(['12345678901', '1234567890123', '12345678901a', '１２３４５６７８９０１２', '', ' 123456789012'])(
    'rejects a malformed base %j',
    (base) => {
      expect(() => corporateNumberCheckDigit(base)).toThrow(RangeError);
    },
  );
});

describe('isValidCorporateNumber', () => {
  it('accepts the worked example and published numbers', () => {
    expect(isValidCorporateNumber('7123456789012')).toBe(true);
    for (const n of Object.values(PUBLIC_NUMBERS)) expect(isValidCorporateNumber(n)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 7) continue;
      expect(isValidCorporateNumber(`${d}123456789012`)).toBe(false);
    }
  });

  it('rejects wrong lengths, non-digits and non-canonical forms', () => {
    for (const v of [
      '',
      '123456789012', // 12 digits: the base alone
      '71234567890123',
      '712345678901a',
      '7-1234-5678-9012',
      ' 7123456789012',
      '７１２３４５６７８９０１２', // full-width digits: use parseCorporateNumber at the boundary
      '7123456789012\n',
    ]) {
      expect(isValidCorporateNumber(v), JSON.stringify(v)).toBe(false);
    }
  });

  it('is safe on non-string input', () => {
    expect(isValidCorporateNumber(7123456789012 as unknown as string)).toBe(false);
    expect(isValidCorporateNumber(undefined as unknown as string)).toBe(false);
  });

  it('detects every single-digit typo in the base except 0↔9 (the weights are taken mod 9)', () => {
    const valid = '7123456789012';
    for (let pos = 1; pos < 13; pos++) {
      for (let d = 0; d <= 9; d++) {
        const original = Number(valid[pos]);
        if (d === original) continue;
        const typo = `${valid.slice(0, pos)}${d}${valid.slice(pos + 1)}`;
        const undetectable = Math.abs(d - original) === 9;
        expect(isValidCorporateNumber(typo), typo).toBe(undetectable);
      }
    }
  });
});

describe('parseCorporateNumber', () => {
  it('accepts full-width digits, spaces and hyphens and returns the canonical form', () => {
    expect(parseCorporateNumber('７１２３４５６７８９０１２')).toBe('7123456789012');
    expect(parseCorporateNumber('7-1234-5678-9012')).toBe('7123456789012');
    expect(parseCorporateNumber(' 7 1234 5678 9012 ')).toBe('7123456789012');
    expect(parseCorporateNumber('７−１２３４−５６７８−９０１２')).toBe('7123456789012');
  });

  it('returns null for invalid numbers', () => {
    expect(parseCorporateNumber('8123456789012')).toBeNull();
    expect(parseCorporateNumber('T7123456789012')).toBeNull(); // インボイス登録番号 is T + 法人番号, not a 法人番号
    expect(parseCorporateNumber('')).toBeNull();
  });
});
