/**
 * Japanese text normalisation for storage and search.
 *
 * Japanese data arrives in many equivalent spellings: half-width katakana from old systems and CSVs
 * (「ｱｵﾓﾘ」), full-width digits and Latin letters typed with an IME (「ＤＸ２０２５」), parenthesised company forms
 * (「（株）」, 「㈱」), full-width spaces. Unicode NFKC folds all of these to one canonical form, which is why
 * CSV import and every free-text input go through `normalizeJa` (see jp_conventions §3.6).
 *
 * Search needs one more step: the same reading is written in katakana (フリガナ on a form, 「ヤマダ」) or in
 * hiragana (ふりがな, the municipality list's kana, 「やまだ」), and Latin text in any case. `toSearchText` folds
 * both so that a plain substring / LIKE / trigram match finds either spelling without a tokenizer. It is a
 * *matching key*: never show it to users and never store it in place of the original text.
 */

/**
 * NFKC, trim, and collapse every run of whitespace (including the ideographic space U+3000, tabs and newlines)
 * to one ASCII space. 「\u3000ｱｵﾓﾘ\u3000\u3000（株）」 → 「アオモリ (株)」.
 */
export function normalizeJa(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KATAKANA_ITERATION_MARKS = 0x30fd; // ヽ ヾ → ゝ ゞ
const HIRAGANA_OFFSET = 0x60;

/**
 * Katakana → hiragana, one code point at a time (ァ–ヶ → ぁ–ゖ, ヽヾ → ゝゞ). Characters without a hiragana
 * counterpart are kept: the prolonged sound mark 「ー」, the middle dot 「・」, ヷ–ヺ. Half-width katakana is not
 * handled here; run `normalizeJa` (NFKC) first, as `toSearchText` does.
 */
export function foldKana(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (
      (cp >= KATAKANA_START && cp <= KATAKANA_END) ||
      cp === KATAKANA_ITERATION_MARKS ||
      cp === KATAKANA_ITERATION_MARKS + 1
    ) {
      out += String.fromCodePoint(cp - HIRAGANA_OFFSET);
    } else {
      out += ch;
    }
  }
  return out;
}

// Dash-like characters that NFKC leaves distinct (hyphen, non-breaking hyphen, figure dash, en/em dash,
// horizontal bar, minus sign, small hyphen-minus). Phone numbers and addresses are typed with any of them.
// The katakana prolonged sound mark 「ー」 is deliberately NOT included: it is part of words (「データ」).
const DASHES = /[\u2010-\u2015\u2212\ufe63]/g;

/**
 * Search key for one or more fields: `normalizeJa` of the non-empty parts joined with a space, lower-cased,
 * dashes unified to 「-」 and katakana folded to hiragana. Null/undefined parts are skipped, so
 * `toSearchText(company.name, company.nameKana)` works with optional fields.
 *
 * 「ヤマダ ＤＸ（株）」 → 「やまだ dx(株)」; 「ｱｵﾓﾘ」 and 「あおもり」 both → 「あおもり」.
 */
export function toSearchText(...parts: ReadonlyArray<string | null | undefined>): string {
  const joined = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
  return foldKana(normalizeJa(joined).toLowerCase().replace(DASHES, '-'));
}
