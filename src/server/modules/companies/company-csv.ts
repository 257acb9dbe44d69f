import { normalizeJa } from '../../../shared/domain/japanese-text';
import { findJsicMajor, findJsicMiddle, findMunicipality, findPrefecture, municipalities, prefectures } from '../../../shared/reference';
import { entityTypes, type EntityType } from '../../../shared/schemas/company';
import type { CompanyRecord } from './companies.repository';

/**
 * The register's CSV layout: Japanese headers in row 1, one company per line, codes beside their
 * names (行政データ機械可読性ルール: a value per cell, no units in numbers, blank ≠ 0). Export and
 * import use the same table, so an exported file imports back unchanged.
 */

export const entityTypeLabels: Record<EntityType, string> = {
  corporation: '法人',
  npo: 'NPO・非営利法人',
  sole_proprietor: '個人事業主',
  prospective_founder: '創業予定者',
  association: '任意団体',
  public_body: '公的機関・学校',
};

export const sizeClassLabels: Record<string, string> = { small: '小規模企業者', sme: '中小企業者', large: '大企業', unknown: '判定不能' };

/** Separators accepted between several values in one cell (tags, external IDs); 「、」 is what export writes. */
export const LIST_SEPARATOR = '、';
const LIST_SPLIT = /[、,，;；]/u;

export type ColumnKey =
  | 'id'
  | 'name'
  | 'nameKana'
  | 'entityType'
  | 'corporateNumber'
  | 'representativeName'
  | 'representativeTitle'
  | 'postalCode'
  | 'prefectureCode'
  | 'prefectureName'
  | 'municipalityCode'
  | 'municipalityName'
  | 'addressLine'
  | 'jsicMajor'
  | 'jsicMajorName'
  | 'jsicMiddle'
  | 'jsicMiddleName'
  | 'employees'
  | 'capitalYen'
  | 'sizeClass'
  | 'tags'
  | 'notes'
  | 'consentShareWithPartners'
  | 'externalIds'
  | 'contactName'
  | 'contactNameKana'
  | 'contactRole'
  | 'contactEmail'
  | 'contactPhone'
  | 'status'
  | 'updatedAt';

export interface Column {
  key: ColumnKey;
  header: string;
  /** Other headers that mean the same column (older exports, kintone field names, English keys). */
  aliases?: string[];
  /** Derived columns are written for people and ignored on import (their code column decides). */
  isDerived?: boolean;
}

export const columns: readonly Column[] = [
  { key: 'id', header: 'ID', aliases: ['id', 'つむぎID'] },
  { key: 'name', header: '事業者名', aliases: ['name', '会社名', '企業名', '法人名', '名称'] },
  { key: 'nameKana', header: 'フリガナ', aliases: ['nameKana', 'ふりがな', '事業者名フリガナ', 'カナ'] },
  { key: 'entityType', header: '事業者区分', aliases: ['entityType', '相談者区分'] },
  { key: 'corporateNumber', header: '法人番号', aliases: ['corporateNumber'] },
  { key: 'representativeName', header: '代表者名', aliases: ['representativeName', '代表者'] },
  { key: 'representativeTitle', header: '代表者役職', aliases: ['representativeTitle'] },
  { key: 'postalCode', header: '郵便番号', aliases: ['postalCode'] },
  { key: 'prefectureCode', header: '都道府県コード', aliases: ['prefectureCode'] },
  { key: 'prefectureName', header: '都道府県', aliases: ['prefecture'] },
  { key: 'municipalityCode', header: '市区町村コード', aliases: ['municipalityCode', '全国地方公共団体コード'] },
  { key: 'municipalityName', header: '市区町村', aliases: ['municipality'] },
  { key: 'addressLine', header: '所在地（町名以下）', aliases: ['addressLine', '住所', '所在地'] },
  { key: 'jsicMajor', header: '産業大分類コード', aliases: ['jsicMajor', '大分類コード'] },
  { key: 'jsicMajorName', header: '産業大分類', isDerived: true, aliases: ['大分類'] },
  { key: 'jsicMiddle', header: '産業中分類コード', aliases: ['jsicMiddle', '中分類コード'] },
  { key: 'jsicMiddleName', header: '産業中分類', isDerived: true, aliases: ['中分類'] },
  { key: 'employees', header: '従業員数', aliases: ['employees'] },
  { key: 'capitalYen', header: '資本金（円）', aliases: ['capitalYen', '資本金', '資本金(円)'] },
  { key: 'sizeClass', header: '規模区分', isDerived: true, aliases: ['sizeClass'] },
  { key: 'tags', header: 'タグ', aliases: ['tags'] },
  { key: 'notes', header: '備考', aliases: ['notes', 'メモ'] },
  { key: 'consentShareWithPartners', header: '連携先への情報共有の同意', aliases: ['consentShareWithPartners', '情報共有の同意'] },
  { key: 'externalIds', header: '外部ID', aliases: ['externalIds'] },
  { key: 'contactName', header: '担当者名', aliases: ['contactName', '担当者'] },
  { key: 'contactNameKana', header: '担当者フリガナ', aliases: ['contactNameKana'] },
  { key: 'contactRole', header: '担当者役職', aliases: ['contactRole'] },
  { key: 'contactEmail', header: '担当者メール', aliases: ['contactEmail', 'メールアドレス'] },
  { key: 'contactPhone', header: '担当者電話', aliases: ['contactPhone', '電話番号'] },
  { key: 'status', header: '状態', aliases: ['status'] },
  { key: 'updatedAt', header: '更新日時', isDerived: true, aliases: ['updatedAt'] },
];

export const STATUS_ACTIVE = '有効';
export const STATUS_ARCHIVED = 'アーカイブ';
export const CONSENT_YES = '同意あり';
export const CONSENT_NO = '同意なし';

const headerIndex = new Map<string, Column>();
for (const column of columns) {
  for (const name of [column.header, ...(column.aliases ?? [])]) headerIndex.set(normalizeHeader(name), column);
}

function normalizeHeader(header: string): string {
  return normalizeJa(header).replace(/\s/g, '').toLowerCase();
}

/** Maps a file's header row to columns; unknown headers are reported, not fatal. */
export function mapHeaders(headers: string[]): { byIndex: (Column | null)[]; ignored: string[]; duplicated: string[] } {
  const seen = new Set<ColumnKey>();
  const ignored: string[] = [];
  const duplicated: string[] = [];
  const byIndex = headers.map((header) => {
    const column = headerIndex.get(normalizeHeader(header)) ?? null;
    if (!column) {
      if (header.trim() !== '') ignored.push(header.trim());
      return null;
    }
    if (seen.has(column.key)) {
      duplicated.push(header.trim());
      return null;
    }
    seen.add(column.key);
    return column;
  });
  return { byIndex, ignored, duplicated };
}

// 2025-04-01 09:30:00 in Japan time: what a desk reads in Excel (made once: formatters are costly to build).
const japanDateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'medium' });
const formatDateTimeJst = (date: Date): string => japanDateTime.format(date);

/** One exported line of a company (in `columns` order). */
export function companyToCsvRow(record: CompanyRecord): string[] {
  const contact = record.contacts.find((entry) => entry.isPrimary) ?? record.contacts[0];
  const values: Record<ColumnKey, string> = {
    id: record.id,
    name: record.name,
    nameKana: record.nameKana ?? '',
    entityType: entityTypeLabels[record.entityType as EntityType] ?? record.entityType,
    corporateNumber: record.corporateNumber ?? '',
    representativeName: record.representativeName ?? '',
    representativeTitle: record.representativeTitle ?? '',
    postalCode: record.postalCode ?? '',
    prefectureCode: record.prefectureCode ?? '',
    prefectureName: record.prefectureCode ? (findPrefecture(record.prefectureCode)?.name ?? '') : '',
    municipalityCode: record.municipalityCode ?? '',
    municipalityName: record.municipalityCode ? (findMunicipality(record.municipalityCode)?.name ?? '') : '',
    addressLine: record.addressLine ?? '',
    jsicMajor: record.jsicMajor ?? '',
    jsicMajorName: record.jsicMajor ? (findJsicMajor(record.jsicMajor)?.name ?? '') : '',
    jsicMiddle: record.jsicMiddle ?? '',
    jsicMiddleName: record.jsicMiddle ? (findJsicMiddle(record.jsicMiddle)?.name ?? '') : '',
    employees: record.employees === null ? '' : String(record.employees),
    capitalYen: record.capitalYen === null ? '' : String(record.capitalYen),
    sizeClass: sizeClassLabels[record.sizeClass] ?? record.sizeClass,
    tags: record.tags.join(LIST_SEPARATOR),
    // One record per line (機械可読性ルール L1-14): line breaks inside notes travel as the two characters \n.
    notes: (record.notes ?? '').replace(/\\/g, '\\\\').replace(/\n/g, '\\n'),
    consentShareWithPartners: record.consentShareWithPartners ? CONSENT_YES : CONSENT_NO,
    externalIds: record.externalIds.map((ref) => `${ref.system}:${ref.value}`).join(LIST_SEPARATOR),
    contactName: contact?.name ?? '',
    contactNameKana: contact?.nameKana ?? '',
    contactRole: contact?.role ?? '',
    contactEmail: contact?.email ?? '',
    contactPhone: contact?.phone ?? '',
    status: record.archivedAt ? STATUS_ARCHIVED : STATUS_ACTIVE,
    updatedAt: formatDateTimeJst(record.updatedAt),
  };
  return columns.map((column) => values[column.key]);
}

export const headerRow = (): string[] => columns.map((column) => column.header);

// ---- import: cells → typed values ----------------------------------------------------------------

export function splitList(cell: string): string[] {
  return cell
    .split(LIST_SPLIT)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function parseNotes(cell: string): string {
  return cell.replace(/\\(\\|n)/g, (_match, escaped: string) => (escaped === 'n' ? '\n' : '\\'));
}

const entityTypeByLabel = new Map<string, EntityType>([
  ...Object.entries(entityTypeLabels).map(([key, label]) => [normalizeJa(label), key as EntityType] as const),
  ...entityTypes.map((key) => [key, key] as const),
  ['株式会社', 'corporation'],
  ['有限会社', 'corporation'],
  ['合同会社', 'corporation'],
  ['NPO法人', 'npo'],
  ['個人', 'sole_proprietor'],
  ['創業前', 'prospective_founder'],
]);

export function parseEntityType(cell: string): EntityType | undefined {
  return entityTypeByLabel.get(normalizeJa(cell));
}

export function parseConsent(cell: string): boolean | undefined {
  const value = normalizeJa(cell).toLowerCase();
  if (['同意あり', 'あり', '有', 'はい', 'yes', 'true', '1', '○', '済'].includes(value)) return true;
  if (['同意なし', 'なし', '無', 'いいえ', 'no', 'false', '0', '×', '未', ''].includes(value)) return false;
  return undefined;
}

export function parseStatus(cell: string): 'active' | 'archived' | undefined {
  const value = normalizeJa(cell);
  if (value === STATUS_ARCHIVED || value === 'archived') return 'archived';
  if (value === STATUS_ACTIVE || value === 'active') return 'active';
  return undefined;
}

/** Numbers as Excel users type them: 「1,200」, 「１２００」, 「1200人」 are refused only for the unit. */
export function parseInteger(cell: string): number | null | 'invalid' {
  const value = normalizeJa(cell).replace(/,/g, '');
  if (value === '') return null;
  if (!/^-?\d+$/.test(value)) return 'invalid';
  return Number(value);
}

export function prefectureCodeByName(name: string): string | undefined {
  const value = normalizeJa(name);
  return prefectures.find((prefecture) => prefecture.name === value)?.code2;
}

/** A municipality by name within a prefecture (names repeat across prefectures: 府中市, 伊達市…). */
export function municipalityCodeByName(name: string, prefectureCode: string | null): string | undefined {
  const value = normalizeJa(name).replace(/\s/g, '');
  const candidates = municipalities.filter((municipality) => municipality.name === value && (!prefectureCode || municipality.prefCode2 === prefectureCode));
  return candidates.length === 1 ? candidates[0]!.code6 : undefined;
}
