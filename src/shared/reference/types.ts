/**
 * Shapes of the committed reference JSON files (written by `scripts/build-reference-data.ts`).
 */

export interface PrefectureRecord {
  /** 全国地方公共団体コード of the prefecture, 6 digits: 「020001」. */
  code6: string;
  /** 都道府県コード (JIS X 0401), 2 digits: 「02」. */
  code2: string;
  name: string;
  /** Hiragana reading: 「あおもりけん」. */
  kana: string;
  nameEn: string;
}

/**
 * - `designated_city`: 政令指定都市 (has wards; its code is the city as a whole)
 * - `ward`: a ward (区) of a 政令指定都市; `parentCode6` is the city
 * - `special_ward`: 東京都の特別区 (a municipality in its own right)
 * - `city` 市, `town` 町, `village` 村
 */
export type MunicipalityKind = 'designated_city' | 'ward' | 'special_ward' | 'city' | 'town' | 'village';

export interface MunicipalityRecord {
  /** 全国地方公共団体コード, 6 digits with check digit: 「022012」. */
  code6: string;
  prefCode2: string;
  /** Official name without the prefecture; wards in full: 「札幌市中央区」. */
  name: string;
  /** Hiragana reading: 「さっぽろしちゅうおうく」. */
  kana: string;
  kind: MunicipalityKind;
  /** For `ward` only: the code of its 政令指定都市. */
  parentCode6?: string;
}

export interface MunicipalitiesFile {
  /** Date of the source data, `YYYY-MM-DD`. */
  edition: string;
  source: string;
  prefectures: PrefectureRecord[];
  municipalities: MunicipalityRecord[];
}

export interface JsicMiddleRecord {
  /** 中分類, 2 digits: 「09」. */
  code: string;
  name: string;
}

export interface JsicMajorRecord {
  /** 大分類, one letter A–T. */
  code: string;
  name: string;
  middles: JsicMiddleRecord[];
}

export interface JsicFile {
  edition: string;
  /** Date the edition came into force, `YYYY-MM-DD`. */
  inForce: string;
  source: string;
  majors: JsicMajorRecord[];
}
