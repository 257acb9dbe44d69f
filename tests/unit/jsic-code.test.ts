import { describe, expect, it } from 'vitest';
import {
  JSIC_MAJOR_CODES,
  isJsicMajorCode,
  isJsicMiddleCode,
  jsicMajorOfMiddleCode,
  jsicMiddleCodesOf,
} from '../../src/shared/domain/jsic-code.js';

describe('jsic-code', () => {
  it('covers 01–99 exactly once across A–T', () => {
    expect(JSIC_MAJOR_CODES).toHaveLength(20);
    const all = JSIC_MAJOR_CODES.flatMap((m) => jsicMiddleCodesOf(m));
    expect(all).toEqual(Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('finds the 大分類 of a 中分類', () => {
    expect(jsicMajorOfMiddleCode('01')).toBe('A');
    expect(jsicMajorOfMiddleCode('09')).toBe('E');
    expect(jsicMajorOfMiddleCode('32')).toBe('E');
    expect(jsicMajorOfMiddleCode('39')).toBe('G');
    expect(jsicMajorOfMiddleCode('76')).toBe('M');
    expect(jsicMajorOfMiddleCode('99')).toBe('T');
    expect(() => jsicMajorOfMiddleCode('00')).toThrow(RangeError);
    expect(() => jsicMajorOfMiddleCode('9')).toThrow(RangeError);
    expect(() => jsicMajorOfMiddleCode('100')).toThrow(RangeError);
  });

  it('validates codes', () => {
    expect(isJsicMajorCode('E')).toBe(true);
    expect(isJsicMajorCode('e')).toBe(false);
    expect(isJsicMajorCode('U')).toBe(false);
    expect(isJsicMajorCode('toString')).toBe(false);
    expect(isJsicMiddleCode('09')).toBe(true);
    expect(isJsicMiddleCode('00')).toBe(false);
    expect(isJsicMiddleCode('０９')).toBe(false);
    expect(isJsicMiddleCode(9)).toBe(false);
  });
});
