import { describe, expect, it } from 'vitest';
import { optionalLongText, text } from '../../src/shared/schemas/common';

describe('text on the way in', () => {
  it('folds short text to one form (NFKC, trimmed, spaces collapsed)', () => {
    expect(text(100).parse('　ＡＢＣ　ｶﾌﾞｼｷｶﾞｲｼｬ  １２３ ')).toBe('ABC カブシキガイシャ 123');
    expect(text(100).parse('（株）つむぎ')).toBe('(株)つむぎ');
  });

  it('keeps the typography of prose: full-width brackets, ellipses, circled numbers, wave dashes', () => {
    const prose = '目標を上回った（前年度比１２０％）。\r\n課題は①人材②予算…今後～検討する。  \r\n\r\n';
    expect(optionalLongText(1000).parse(prose)).toBe('目標を上回った（前年度比１２０％）。\n課題は①人材②予算…今後～検討する。');
  });

  it('composes decomposed kana (NFC) and treats blank prose as none', () => {
    expect(optionalLongText(100).parse('か\u3099')).toBe('が');
    expect(optionalLongText(100).parse(' \n　')).toBeNull();
    expect(optionalLongText(100).parse(undefined)).toBeNull();
  });
});
