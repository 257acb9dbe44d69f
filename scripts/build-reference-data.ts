/**
 * Builds the committed reference tables in `src/shared/reference/` from the public source files in
 * `../shared/data` (relative to the repository root):
 *
 *   municipalities-localgovjp-20260709.csv, prefectures-localgovjp-20260709.csv  → municipalities.json
 *   jsic-rev14-2023.json                                                         → jsic.json
 *
 * Usage:
 *   npx tsx scripts/build-reference-data.ts            # write the JSON files
 *   npx tsx scripts/build-reference-data.ts --check    # fail if the committed files are out of date
 *   npx tsx scripts/build-reference-data.ts --source /path/to/data
 *
 * The script fails loudly (exit 1) on anything it does not expect: a code whose check digit does not validate,
 * a duplicate, an unknown municipality kind, wrong counts. Reference data is trusted by every report, so a
 * silent fix-up here would hide a problem in the source.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  isValidMunicipalityCode,
  prefectureCode6,
} from '../src/shared/domain/municipality-code.js';
import { JSIC_MAJOR_CODES, jsicMajorOfMiddleCode } from '../src/shared/domain/jsic-code.js';
import type {
  JsicFile,
  MunicipalitiesFile,
  MunicipalityKind,
  MunicipalityRecord,
  PrefectureRecord,
} from '../src/shared/reference/types.js';

const MUNICIPALITY_EDITION = '2026-07-09';
const MUNICIPALITY_CSV = 'municipalities-localgovjp-20260709.csv';
const PREFECTURE_CSV = 'prefectures-localgovjp-20260709.csv';
const JSIC_JSON = 'jsic-rev14-2023.json';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'src', 'shared', 'reference');

class ReferenceDataError extends Error {}

function fail(message: string): never {
  throw new ReferenceDataError(message);
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), {
    bom: true,
    columns: true,
    skip_empty_lines: true,
    trim: false,
  }) as Record<string, string>[];
}

function column(row: Record<string, string>, name: string, where: string): string {
  const value = row[name];
  if (value === undefined || value.trim() === '') fail(`${where}: missing column "${name}"`);
  if (value !== value.trim()) fail(`${where}: leading/trailing space in "${name}": ${JSON.stringify(value)}`);
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Municipalities

function buildMunicipalities(sourceDir: string): MunicipalitiesFile {
  const prefRows = readCsv(join(sourceDir, PREFECTURE_CSV));
  const prefectures: PrefectureRecord[] = prefRows.map((row, i) => {
    const where = `${PREFECTURE_CSV} row ${i + 2}`;
    const pid = Number(column(row, 'pid', where));
    // The source drops the leading zero of 01–09 (「10006」 = 北海道 010006): pad, then validate.
    const code6 = column(row, 'lgcode', where).padStart(6, '0');
    if (!isValidMunicipalityCode(code6)) fail(`${where}: invalid check digit in prefecture code ${code6}`);
    if (code6 !== prefectureCode6(pid)) fail(`${where}: code ${code6} does not match prefecture id ${pid}`);
    return {
      code6,
      code2: code6.slice(0, 2),
      name: column(row, 'pref', where),
      kana: column(row, 'prefkana', where),
      nameEn: column(row, 'pref_en', where),
    };
  });
  if (prefectures.length !== 47) fail(`expected 47 prefectures, got ${prefectures.length}`);
  prefectures.sort((a, b) => a.code6.localeCompare(b.code6));
  prefectures.forEach((p, i) => {
    if (Number(p.code2) !== i + 1) fail(`prefecture codes are not 01–47 in order (at ${p.code6} ${p.name})`);
  });
  const prefByName = new Map(prefectures.map((p) => [p.name, p]));

  interface Raw {
    code6: string;
    prefCode2: string;
    rawName: string;
    rawKana: string;
    where: string;
  }
  const raws: Raw[] = readCsv(join(sourceDir, MUNICIPALITY_CSV)).map((row, i) => {
    const where = `${MUNICIPALITY_CSV} row ${i + 2}`;
    const code6 = column(row, 'lgcode', where);
    if (!isValidMunicipalityCode(code6)) fail(`${where}: invalid 全国地方公共団体コード ${JSON.stringify(code6)}`);
    const pref = prefByName.get(column(row, 'pref', where));
    if (!pref) fail(`${where}: unknown prefecture ${JSON.stringify(row['pref'])}`);
    if (code6.slice(0, 2) !== pref.code2) fail(`${where}: code ${code6} is not in ${pref.name} (${pref.code2})`);
    if (Number(column(row, 'pid', where)) !== Number(pref.code2)) fail(`${where}: pid does not match ${pref.name}`);
    if (code6.slice(2, 5) === '000') fail(`${where}: prefecture code ${code6} in the municipality list`);
    return {
      code6,
      prefCode2: pref.code2,
      rawName: column(row, 'city', where),
      rawKana: column(row, 'citykana', where),
      where,
    };
  });

  const seen = new Set<string>();
  for (const r of raws) {
    if (seen.has(r.code6)) fail(`${r.where}: duplicate code ${r.code6}`);
    seen.add(r.code6);
  }

  // 政令指定都市 wards are written 「札幌市 中央区」 / 「さっぽろし ちゅうおうく」 in the source. The official name has
  // no space (「札幌市中央区」); the part before the space names the parent city, which must be in the list.
  const cityByPrefAndName = new Map(
    raws.filter((r) => !/\s/.test(r.rawName)).map((r) => [`${r.prefCode2}:${r.rawName}`, r]),
  );
  const designatedCities = new Set<string>();
  const municipalities: MunicipalityRecord[] = raws.map((r) => {
    const nameParts = r.rawName.split(' ');
    const kanaParts = r.rawKana.split(' ');
    if (/[\s\u3000]/.test(r.rawName.replace(/ /g, '')) || /[\s\u3000]/.test(r.rawKana.replace(/ /g, ''))) {
      fail(`${r.where}: unexpected whitespace in ${JSON.stringify(r.rawName)}`);
    }
    if (r.rawName.normalize('NFKC') !== r.rawName) fail(`${r.where}: name is not NFKC: ${r.rawName}`);
    if (!/^[ぁ-ゖー ]+$/.test(r.rawKana)) fail(`${r.where}: kana is not hiragana: ${r.rawKana}`);
    if (nameParts.length !== kanaParts.length) fail(`${r.where}: name and kana split differently`);

    let kind: MunicipalityKind;
    let parentCode6: string | undefined;
    if (nameParts.length === 2) {
      const [cityName, wardName] = nameParts as [string, string];
      const parent = cityByPrefAndName.get(`${r.prefCode2}:${cityName}`);
      if (!parent) fail(`${r.where}: ward ${r.rawName} without its city in the list`);
      if (!wardName.endsWith('区') || !cityName.endsWith('市')) fail(`${r.where}: not a city ward: ${r.rawName}`);
      const n = Number(r.code6.slice(2, 5));
      if (n < 100 || n > 199) fail(`${r.where}: ward code ${r.code6} outside 100–199`);
      kind = 'ward';
      parentCode6 = parent.code6;
      designatedCities.add(parent.code6);
    } else if (nameParts.length === 1) {
      const name = r.rawName;
      if (r.prefCode2 === '13' && name.endsWith('区')) kind = 'special_ward';
      else if (name.endsWith('市')) kind = 'city';
      else if (name.endsWith('町')) kind = 'town';
      else if (name.endsWith('村')) kind = 'village';
      else fail(`${r.where}: cannot tell the kind of ${name}`);
    } else {
      fail(`${r.where}: unexpected name ${JSON.stringify(r.rawName)}`);
    }
    const record: MunicipalityRecord = {
      code6: r.code6,
      prefCode2: r.prefCode2,
      name: nameParts.join(''),
      kana: kanaParts.join(''),
      kind,
    };
    if (parentCode6) record.parentCode6 = parentCode6;
    return record;
  });
  for (const m of municipalities) if (designatedCities.has(m.code6)) m.kind = 'designated_city';
  municipalities.sort((a, b) => a.code6.localeCompare(b.code6));

  const byName = new Set<string>();
  for (const m of municipalities) {
    const key = `${m.prefCode2}:${m.name}`;
    if (byName.has(key)) fail(`duplicate name ${m.name} in prefecture ${m.prefCode2}`);
    byName.add(key);
  }
  for (const p of prefectures) {
    if (!municipalities.some((m) => m.prefCode2 === p.code2)) fail(`no municipalities for ${p.name}`);
  }

  return {
    edition: MUNICIPALITY_EDITION,
    source:
      'code4fukui/localgovjp (CC0), data updated 2026-07-09 (sources: GSI, J-LIS); ' +
      `files ${MUNICIPALITY_CSV}, ${PREFECTURE_CSV}. Ward names joined without the source's space ` +
      '(「札幌市 中央区」 → 「札幌市中央区」); prefecture codes padded to 6 digits.',
    prefectures,
    municipalities,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// JSIC

interface SourceJsic {
  major_categories: {
    code: string;
    name: string;
    middle_categories: { code: string; name: string }[];
  }[];
}

/** The official JSIC names separate items with the full-width comma 「，」; the source file has 「、」. */
function officialJsicName(name: string, where: string): string {
  const out = name.replace(/、/g, '，');
  if (/[,()\s]/.test(out)) fail(`${where}: unexpected ASCII punctuation or space in ${JSON.stringify(name)}`);
  if (out.normalize('NFC') !== out) fail(`${where}: name is not NFC: ${name}`);
  return out;
}

function buildJsic(sourceDir: string): JsicFile {
  const source = JSON.parse(readFileSync(join(sourceDir, JSIC_JSON), 'utf8')) as SourceJsic;
  const majors = source.major_categories.map((major) => ({
    code: major.code,
    name: officialJsicName(major.name, `大分類 ${major.code}`),
    middles: major.middle_categories.map((middle) => {
      if (jsicMajorOfMiddleCode(middle.code) !== major.code) {
        fail(`中分類 ${middle.code} is listed under ${major.code}`);
      }
      return { code: middle.code, name: officialJsicName(middle.name, `中分類 ${middle.code}`) };
    }),
  }));
  const majorCodes = majors.map((m) => m.code).join('');
  if (majorCodes !== JSIC_MAJOR_CODES.join('')) fail(`expected 大分類 A–T in order, got ${majorCodes}`);
  const middleCodes = majors.flatMap((m) => m.middles.map((x) => x.code));
  if (middleCodes.length !== 99) fail(`expected 99 中分類, got ${middleCodes.length}`);
  middleCodes.forEach((code, i) => {
    if (code !== String(i + 1).padStart(2, '0')) fail(`中分類 codes are not 01–99 in order (at ${code})`);
  });
  return {
    edition: '令和5年7月改定（第14回）',
    inForce: '2024-04-01',
    source:
      '日本標準産業分類 令和5年7月改定（第14回）, 総務省告示第256号 (2023-07-27); parsed by kobesoft-inc/jsic-data ' +
      `(${JSIC_JSON}). Only 大分類 and 中分類; 「、」 in names replaced by the official 「，」.`,
    majors,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Output: stable, diff-friendly JSON (one record per line inside arrays of records).

function toJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    const isRecordList = value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    const hasNested = value.some(
      (v) => v !== null && typeof v === 'object' && Object.values(v as object).some((x) => typeof x === 'object'),
    );
    if (isRecordList && !hasNested) {
      return `[\n${value.map((v) => `${inner}${JSON.stringify(v)}`).join(',\n')}\n${indent}]`;
    }
    return `[\n${value.map((v) => `${inner}${toJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${toJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const sourceIndex = argv.indexOf('--source');
  const sourceDir =
    sourceIndex >= 0 && argv[sourceIndex + 1] ? resolve(argv[sourceIndex + 1]!) : resolve(repoRoot, '../shared/data');

  const outputs: [string, string][] = [
    ['municipalities.json', `${toJson(buildMunicipalities(sourceDir))}\n`],
    ['jsic.json', `${toJson(buildJsic(sourceDir))}\n`],
  ];

  let stale = 0;
  for (const [file, text] of outputs) {
    const path = join(outDir, file);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // missing file counts as stale
      }
      if (current !== text) {
        console.error(`stale: ${path}`);
        stale++;
      }
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${path} (${text.length} chars)`);
    }
  }
  if (check && stale > 0) {
    console.error('Run: npx tsx scripts/build-reference-data.ts');
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ReferenceDataError) {
    console.error(`reference data check failed: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
