import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSIC_MAJOR_CODES, jsicMajorOfMiddleCode, jsicMiddleCodesOf } from '../../src/shared/domain/jsic-code.js';
import {
  isValidMunicipalityCode,
  prefectureCode6,
  prefectureCodeOf,
} from '../../src/shared/domain/municipality-code.js';
import {
  findJsicMajor,
  findJsicMiddle,
  findMunicipality,
  findPrefecture,
  jsicMajorOfMiddle,
  jsicMajors,
  municipalities,
  municipalitiesOfPrefecture,
  municipalityFullName,
  prefectures,
  referenceEditions,
} from '../../src/shared/reference/index.js';

/** Count of rows per prefecture straight from the source CSV, to compare with the built table. */
function sourceCountOf(prefName: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(new URL('../../../shared/data/municipalities-localgovjp-20260709.csv', import.meta.url), 'utf8');
  } catch {
    return undefined; // source data not available in this checkout
  }
  return text.split(/\r?\n/).filter((line) => line.split(',')[1] === prefName).length;
}

describe('prefectures', () => {
  it('has the 47 prefectures in code order with valid 6-digit codes', () => {
    expect(prefectures).toHaveLength(47);
    prefectures.forEach((p, i) => {
      expect(p.code2).toBe(String(i + 1).padStart(2, '0'));
      expect(p.code6).toBe(prefectureCode6(p.code2));
      expect(isValidMunicipalityCode(p.code6)).toBe(true);
    });
  });

  it('pads the source codes of 01–09 and keeps names, kana and English names', () => {
    expect(findPrefecture('01')).toEqual({
      code6: '010006',
      code2: '01',
      name: '北海道',
      kana: 'ほっかいどう',
      nameEn: 'Hokkaido',
    });
    expect(findPrefecture('020001')?.name).toBe('青森県');
    expect(findPrefecture('13')?.code6).toBe('130001');
    expect(findPrefecture('47')?.name).toBe('沖縄県');
    expect(findPrefecture('48')).toBeUndefined();
  });
});

describe('municipalities', () => {
  it('validates every code and keeps it in its prefecture', () => {
    for (const m of municipalities) {
      expect(isValidMunicipalityCode(m.code6), m.code6).toBe(true);
      expect(prefectureCodeOf(m.code6)).toBe(m.prefCode2);
      expect(m.code6.slice(2, 5)).not.toBe('000');
    }
    expect(new Set(municipalities.map((m) => m.code6)).size).toBe(municipalities.length);
  });

  it('has 1,741 市区町村 (792 市, 743 町, 183 村, 23 特別区) plus the 政令指定都市 wards', () => {
    const count = (kind: string) => municipalities.filter((m) => m.kind === kind).length;
    expect(count('designated_city')).toBe(20);
    expect(count('designated_city') + count('city')).toBe(792);
    expect(count('town')).toBe(743);
    expect(count('village')).toBe(183);
    expect(count('special_ward')).toBe(23);
    expect(municipalities.length - count('ward')).toBe(1741);
  });

  it('青森県 (02) has the 40 municipalities the source lists', () => {
    const aomori = municipalitiesOfPrefecture('02');
    expect(aomori).toHaveLength(40);
    const fromSource = sourceCountOf('青森県');
    if (fromSource !== undefined) expect(aomori).toHaveLength(fromSource);
    expect(aomori[0]).toMatchObject({ code6: '022012', name: '青森市', kana: 'あおもりし', kind: 'city' });
    expect(aomori.every((m) => m.prefCode2 === '02')).toBe(true);
    expect(municipalitiesOfPrefecture('99')).toEqual([]);
  });

  it('finds the known-good codes by name', () => {
    expect(findMunicipality('011002')?.name).toBe('札幌市');
    expect(findMunicipality('131016')?.name).toBe('千代田区');
    expect(findMunicipality('141003')?.name).toBe('横浜市');
    expect(findMunicipality('271403')?.name).toBe('堺市');
    expect(findMunicipality('462209')?.name).toBe('南さつま市');
    expect(findMunicipality('472018')?.name).toBe('那覇市');
    expect(findMunicipality('022012')?.name).toBe('青森市');
    expect(findMunicipality('010006')).toBeUndefined(); // a prefecture, not a municipality
  });

  it('joins ward names without the source space and links wards to their city', () => {
    expect(findMunicipality('011011')).toEqual({
      code6: '011011',
      prefCode2: '01',
      name: '札幌市中央区',
      kana: 'さっぽろしちゅうおうく',
      kind: 'ward',
      parentCode6: '011002',
    });
    expect(findMunicipality('011002')?.kind).toBe('designated_city');
    for (const m of municipalities) {
      expect(m.name).not.toMatch(/\s/);
      expect(m.kana).toMatch(/^[ぁ-ゖー]+$/);
      if (m.kind === 'ward') {
        const parent = findMunicipality(m.parentCode6 ?? '');
        expect(parent?.kind, m.name).toBe('designated_city');
        expect(m.name.startsWith(parent?.name ?? '?')).toBe(true);
      } else {
        expect(m.parentCode6).toBeUndefined();
      }
    }
  });

  it('builds the full name with the prefecture', () => {
    expect(municipalityFullName('022012')).toBe('青森県青森市');
    expect(municipalityFullName('011011')).toBe('北海道札幌市中央区');
    expect(municipalityFullName('999999')).toBeUndefined();
  });

  it('is read-only', () => {
    expect(Object.isFrozen(municipalities)).toBe(true);
    expect(Object.isFrozen(municipalities[0])).toBe(true);
    expect(Object.isFrozen(municipalitiesOfPrefecture('02'))).toBe(true);
    expect(Object.isFrozen(prefectures[0])).toBe(true);
  });
});

describe('JSIC (令和5年7月改定)', () => {
  it('has 20 大分類 A–T and 99 中分類 01–99', () => {
    expect(jsicMajors.map((m) => m.code)).toEqual([...'ABCDEFGHIJKLMNOPQRST']);
    const middles = jsicMajors.flatMap((m) => m.middles);
    expect(middles).toHaveLength(99);
    expect(middles.map((m) => m.code)).toEqual(Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('E is 製造業 and 中分類 09 is 食料品製造業 under E', () => {
    expect(findJsicMajor('E')?.name).toBe('製造業');
    expect(findJsicMiddle('09')).toEqual({ code: '09', name: '食料品製造業', majorCode: 'E' });
    expect(jsicMajorOfMiddle('09')?.code).toBe('E');
    expect(jsicMajorOfMiddle('00')).toBeUndefined();
    expect(findJsicMiddle('9')).toBeUndefined();
  });

  it('uses the official full-width comma 「，」 in names', () => {
    expect(findJsicMajor('A')?.name).toBe('農業，林業');
    expect(findJsicMajor('I')?.name).toBe('卸売業，小売業');
    expect(findJsicMajor('M')?.name).toBe('宿泊業，飲食サービス業');
    expect(findJsicMiddle('64')?.name).toBe('貸金業，クレジットカード業等非預金信用機関');
    for (const major of jsicMajors) {
      expect(major.name).not.toMatch(/[、,]/);
      for (const middle of major.middles) expect(middle.name).not.toMatch(/[、,]/);
    }
  });

  it('agrees with the 中分類 ranges the domain rules use', () => {
    expect(JSIC_MAJOR_CODES).toEqual(jsicMajors.map((m) => m.code));
    for (const major of jsicMajors) {
      expect(jsicMiddleCodesOf(major.code as (typeof JSIC_MAJOR_CODES)[number])).toEqual(
        major.middles.map((m) => m.code),
      );
      for (const middle of major.middles) expect(jsicMajorOfMiddleCode(middle.code)).toBe(major.code);
    }
  });
});

describe('referenceEditions', () => {
  it('records the edition and source of each table', () => {
    expect(referenceEditions.municipalities.edition).toBe('2026-07-09');
    expect(referenceEditions.municipalities.source).toContain('localgovjp');
    expect(referenceEditions.jsic).toMatchObject({ edition: '令和5年7月改定（第14回）', inForce: '2024-04-01' });
    expect(referenceEditions.jsic.source).toContain('総務省');
  });
});
