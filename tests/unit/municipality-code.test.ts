import { describe, expect, it } from 'vitest';
import {
  isPrefectureCode,
  isValidMunicipalityCode,
  municipalityCheckDigit,
  prefectureCode6,
  prefectureCodeOf,
  withMunicipalityCheckDigit,
} from '../../src/shared/domain/municipality-code.js';

// Verified against the 総務省 list (jp_conventions §3.3).
const KNOWN_GOOD: Record<string, string> = {
  '011002': '札幌市',
  '010006': '北海道',
  '130001': '東京都',
  '131016': '千代田区',
  '141003': '横浜市',
  '271403': '堺市',
  '462209': '南さつま市',
  '472018': '那覇市',
  '022012': '青森市',
};

describe('municipalityCheckDigit', () => {
  it.each(Object.entries(KNOWN_GOOD))('derives the check digit of %s (%s)', (code6) => {
    expect(municipalityCheckDigit(code6.slice(0, 5))).toBe(Number(code6[5]));
  });

  it('maps remainder 0 to 1 and remainder 1 to 0', () => {
    // 00000: sum 0, remainder 0 → (11 − 0) % 10 = 1
    expect(municipalityCheckDigit('00000')).toBe(1);
    // 00003: 3 × 2 = 6, remainder 6 → 5
    expect(municipalityCheckDigit('00003')).toBe(5);
    // 01100: 1×5 + 1×4 = 9 → 2 (札幌市 011002)
    expect(municipalityCheckDigit('01100')).toBe(2);
    // 00040: 4 × 3 = 12, remainder 1 → (11 − 1) % 10 = 0
    expect(municipalityCheckDigit('00040')).toBe(0);
  });

  it('weights the five digits 6, 5, 4, 3, 2', () => {
    expect(municipalityCheckDigit('10000')).toBe((11 - 6) % 10);
    expect(municipalityCheckDigit('01000')).toBe((11 - 5) % 10);
    expect(municipalityCheckDigit('00100')).toBe((11 - 4) % 10);
    expect(municipalityCheckDigit('00010')).toBe((11 - 3) % 10);
    expect(municipalityCheckDigit('00001')).toBe((11 - 2) % 10);
  });

  it.each(['0110', '011002', '01a00', '０１１００', ''])('rejects malformed input %j', (v) => {
    expect(() => municipalityCheckDigit(v)).toThrow(RangeError);
  });

  it('withMunicipalityCheckDigit appends the digit', () => {
    expect(withMunicipalityCheckDigit('01100')).toBe('011002');
    expect(withMunicipalityCheckDigit('02201')).toBe('022012');
  });
});

describe('isValidMunicipalityCode', () => {
  it('accepts the known-good codes', () => {
    for (const code of Object.keys(KNOWN_GOOD)) expect(isValidMunicipalityCode(code), code).toBe(true);
  });

  it('rejects every wrong check digit', () => {
    for (const code of Object.keys(KNOWN_GOOD)) {
      for (let d = 0; d <= 9; d++) {
        if (d === Number(code[5])) continue;
        expect(isValidMunicipalityCode(`${code.slice(0, 5)}${d}`)).toBe(false);
      }
    }
  });

  it('rejects the 5-digit form, lost leading zeros and other malformed input', () => {
    for (const v of ['01100', '11002', '10006', '0110020', '01100a', '０１１００２', ' 011002', '']) {
      expect(isValidMunicipalityCode(v), JSON.stringify(v)).toBe(false);
    }
    expect(isValidMunicipalityCode(11002 as unknown as string)).toBe(false);
  });

  it('rejects prefecture parts outside 01–47 even with a correct check digit', () => {
    expect(withMunicipalityCheckDigit('00000')).toBe('000001');
    expect(isValidMunicipalityCode('000001')).toBe(false);
    expect(isValidMunicipalityCode(withMunicipalityCheckDigit('48000'))).toBe(false);
    expect(isValidMunicipalityCode(withMunicipalityCheckDigit('99201'))).toBe(false);
    expect(isValidMunicipalityCode(withMunicipalityCheckDigit('47000'))).toBe(true);
  });
});

describe('prefectureCodeOf / isPrefectureCode / prefectureCode6', () => {
  it('returns the first two digits', () => {
    expect(prefectureCodeOf('022012')).toBe('02');
    expect(prefectureCodeOf('131016')).toBe('13');
    expect(prefectureCodeOf('472018')).toBe('47');
    expect(prefectureCodeOf('010006')).toBe('01');
  });

  it('throws for an invalid code rather than returning a misleading prefix', () => {
    expect(() => prefectureCodeOf('022013')).toThrow(RangeError);
    expect(() => prefectureCodeOf('2201')).toThrow(RangeError);
  });

  it('tells prefectures from municipalities', () => {
    expect(isPrefectureCode('010006')).toBe(true);
    expect(isPrefectureCode('130001')).toBe(true);
    expect(isPrefectureCode('011002')).toBe(false);
    expect(isPrefectureCode('010007')).toBe(false);
  });

  it('builds the 6-digit prefecture code from 1–47 or 01–47', () => {
    expect(prefectureCode6('02')).toBe('020001');
    expect(prefectureCode6(2)).toBe('020001');
    expect(prefectureCode6(1)).toBe('010006');
    expect(prefectureCode6('13')).toBe('130001');
    expect(prefectureCode6(47)).toBe('470007');
    expect(() => prefectureCode6(0)).toThrow(RangeError);
    expect(() => prefectureCode6(48)).toThrow(RangeError);
    expect(() => prefectureCode6('123')).toThrow(RangeError);
  });
});
