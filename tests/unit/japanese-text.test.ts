import { describe, expect, it } from 'vitest';
import { foldKana, normalizeJa, toSearchText } from '../../src/shared/domain/japanese-text.js';

describe('normalizeJa', () => {
  it('turns half-width katakana into full-width, composing voiced marks', () => {
    expect(normalizeJa('ｱｵﾓﾘ')).toBe('アオモリ');
    expect(normalizeJa('ｶﾞｯｺｳ ﾃﾞｰﾀ')).toBe('ガッコウ データ');
    expect(normalizeJa('ﾊﾟｿｺﾝ')).toBe('パソコン');
  });

  it('turns full-width digits, letters and symbols into ASCII', () => {
    expect(normalizeJa('ＤＸ推進２０２５')).toBe('DX推進2025');
    expect(normalizeJa('（株）つむぎ')).toBe('(株)つむぎ');
    expect(normalizeJa('㈱つむぎ')).toBe('(株)つむぎ');
    expect(normalizeJa('Ａｂｃ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('Abc@example.jp');
  });

  it('trims and collapses whitespace runs, including the ideographic space, tabs and newlines', () => {
    expect(normalizeJa('　 青森県\u3000\u3000青森市 \t\n 新町  ')).toBe('青森県 青森市 新町');
    expect(normalizeJa('\u00a0a\u00a0\u00a0b\u00a0')).toBe('a b');
    expect(normalizeJa('   ')).toBe('');
    expect(normalizeJa('')).toBe('');
  });

  it('keeps hiragana, kanji and the prolonged sound mark unchanged', () => {
    expect(normalizeJa('つむぎ 紡ぐ データー')).toBe('つむぎ 紡ぐ データー');
  });

  it('is idempotent', () => {
    const samples = ['ｱｵﾓﾘ （株）', '　ＤＸ　２０２５　', 'ﾊﾟｿｺﾝ教室'];
    for (const s of samples) expect(normalizeJa(normalizeJa(s))).toBe(normalizeJa(s));
  });
});

describe('foldKana', () => {
  it('maps katakana to hiragana', () => {
    expect(foldKana('ヤマダ')).toBe('やまだ');
    expect(foldKana('アオモリ')).toBe('あおもり');
    expect(foldKana('ァィゥェォッャュョヮ')).toBe('ぁぃぅぇぉっゃゅょゎ');
    expect(foldKana('ヴ')).toBe('ゔ');
    expect(foldKana('ヽヾ')).toBe('ゝゞ');
  });

  it('keeps the prolonged sound mark, the middle dot, kanji, Latin and hiragana', () => {
    expect(foldKana('データ・センター')).toBe('でーた・せんたー');
    expect(foldKana('青森DXやまだ')).toBe('青森DXやまだ');
  });

  it('does not fold half-width katakana by itself (NFKC first)', () => {
    expect(foldKana('ｱｵﾓﾘ')).toBe('ｱｵﾓﾘ');
  });

  it('handles characters outside the BMP', () => {
    expect(foldKana('𠮷野家ヨシノヤ')).toBe('𠮷野家よしのや');
  });
});

describe('toSearchText', () => {
  it('makes katakana, hiragana and half-width katakana spellings match', () => {
    expect(toSearchText('ヤマダ')).toBe(toSearchText('やまだ'));
    expect(toSearchText('ｱｵﾓﾘ')).toBe('あおもり');
    expect(toSearchText('アオモリ')).toBe('あおもり');
  });

  it('lower-cases Latin text, including full-width letters', () => {
    expect(toSearchText('ＤＸ Platform')).toBe('dx platform');
  });

  it('joins the parts with a space and skips empty or missing ones', () => {
    expect(toSearchText('（株）ヤマダ製作所', 'ヤマダセイサクショ')).toBe('(株)やまだ製作所 やまだせいさくしょ');
    expect(toSearchText('つむぎ', null, undefined, '', '　', 'ツムギ')).toBe('つむぎ つむぎ');
    expect(toSearchText()).toBe('');
  });

  it('unifies dash-like characters but keeps the prolonged sound mark', () => {
    expect(toSearchText('017‐734−9999')).toBe('017-734-9999');
    expect(toSearchText('０１７－７３４－９９９９')).toBe('017-734-9999');
    expect(toSearchText('データ—センター')).toBe('でーた-せんたー');
  });

  it('lets a query match as a substring of the stored key', () => {
    const key = toSearchText('株式会社 ｱｵﾓﾘ ＤＸ ラボ', 'カブシキガイシャ アオモリ ディーエックス ラボ');
    expect(key.includes(toSearchText('あおもり'))).toBe(true);
    expect(key.includes(toSearchText('dx'))).toBe(true);
    expect(key.includes(toSearchText('ラボ'))).toBe(true);
  });
});
