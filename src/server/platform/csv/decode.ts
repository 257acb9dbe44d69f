import Encoding from 'encoding-japanese';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** What we found, in words a desk understands: UTF-8 (BOM), UTF-8, Shift_JIS (CP932), UTF-16LE… */
  encoding: string;
  delimiter: ',' | '\t';
}

/**
 * Decodes a file as Japanese offices produce them: UTF-8 with or without a BOM, Shift_JIS (read as
 * CP932, Windows' superset, so ①, ㈱ and NEC/IBM extensions survive), EUC-JP, or Excel's "Unicode
 * text" (UTF-16 with a BOM, tab-separated). Line endings and the delimiter are detected too.
 */
export function decodeText(bytes: Buffer): DecodedText {
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = bytes.subarray(3).toString('utf8');
    encoding = 'UTF-8 (BOM)';
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = iconv.decode(bytes.subarray(2), 'utf16le');
    encoding = 'UTF-16LE';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = iconv.decode(bytes.subarray(2), 'utf16be');
    encoding = 'UTF-16BE';
  } else {
    const detected = Encoding.detect(bytes, ['UTF8', 'SJIS', 'EUCJP']);
    if (detected === 'SJIS') {
      text = iconv.decode(bytes, 'cp932');
      encoding = 'Shift_JIS (CP932)';
    } else if (detected === 'EUCJP') {
      text = iconv.decode(bytes, 'euc-jp');
      encoding = 'EUC-JP';
    } else {
      text = bytes.toString('utf8');
      encoding = 'UTF-8';
    }
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const tabs = (firstLine.match(/\t/g) ?? []).length;
  const commas = (firstLine.match(/,/g) ?? []).length;
  return { text, encoding, delimiter: tabs > commas ? '\t' : ',' };
}

const cp932Mappable = new Map<string, boolean>();

function isCp932Mappable(character: string): boolean {
  let known = cp932Mappable.get(character);
  if (known === undefined) {
    known = iconv.decode(iconv.encode(character, 'cp932'), 'cp932') === character;
    cp932Mappable.set(character, known);
  }
  return known;
}

/**
 * CP932 for older Excel and kintone. Characters it cannot hold (髙 is fine, 𠮷 and emoji are not)
 * become 〓, the geta mark Japanese tools use for them, instead of iconv's silent '?'.
 */
export function encodeCp932(text: string): Buffer {
  return iconv.encode(text.replace(/[^\p{ASCII}]/gu, (character) => (isCp932Mappable(character) ? character : '〓')), 'cp932');
}
