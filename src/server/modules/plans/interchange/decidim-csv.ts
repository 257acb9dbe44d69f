import { normalizeJa } from '../../../../shared/domain/japanese-text';
import { formatIsoDate, isValidCalendarDate } from '../../../../shared/domain/tokyo-date';
import {
  NODE_LIMITS,
  readCsvTable,
  readLongText,
  readNumber,
  readText,
  sortErrors,
  type NodeFields,
  type ParsedNodeRow,
  type RowError,
} from './plan-csv';

/**
 * Results of Decidim's Accountability component (the "results" a participatory process tracks) as plan
 * nodes. Decidim imports and exports them as CSV with the columns `id`, `parent/id`, `title/<locale>`,
 * `description/<locale>`, `start_date`, `end_date`, `status/id`, `progress` and others we leave aside
 * (`category/id`, `scope/id`, `proposal_urls`, `url`, `created_at`, `status/name/<locale>`…); `weight` is read
 * when present. Installations separate with commas or semicolons (Decidim's default).
 *
 * Mapping: `id` → 外部ID `decidim:<id>` and `parent/id` → 親外部ID `decidim:<id>` (the prefix keeps them apart
 * from our own external IDs); the title from the first preferred locale with a value, else the first
 * non-empty `title/*`; `title/en` → the English title; the description likewise, HTML reduced to plain text;
 * `status/id` → status key `decidim-<id>`; progress 0–100; dates YYYY-MM-DD or DD/MM/YYYY. The rows then go
 * through `resolveNodeImport` like our own file's.
 */

export const DECIDIM_ID_PREFIX = 'decidim:';
export const DECIDIM_STATUS_PREFIX = 'decidim-';

const LOCALE = /^(title|description)\/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)$/i;
const STATUS_KEY = /^[a-z0-9_-]{1,40}$/;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', copy: '©', reg: '®', yen: '¥', euro: '€',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const codePoint = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

const TAG = /<\/?[a-z][^>]*>/gi;

/**
 * Rich text (Decidim's descriptions) as plain text: paragraphs, headings, list items and `<br>` become line
 * breaks (list items with 「・」; empty lines are dropped, so paragraphs are one line break apart); scripts,
 * styles and comments go with their content; every other tag is dropped and entities are decoded. Tags that only appear after decoding (`&lt;b&gt;`) are dropped as well,
 * so no markup is ever kept.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n・')
    .replace(/<\/(p|div|h[1-6]|li|ul|ol|blockquote|tr|table|section|article)\s*>/gi, '\n')
    .replace(/<(p|div|h[1-6]|ul|ol|blockquote|tr|table|section|article)\b[^>]*>/gi, '\n')
    .replace(TAG, '');
  return decodeEntities(text)
    .replace(TAG, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

type Cell<T> = { ok: true; value: T } | { ok: false; code: string };

/** Decidim's dates: YYYY-MM-DD (optionally with a time, which is dropped) or DD/MM/YYYY. */
export function readDecidimDate(cell: string): Cell<string | null> {
  const value = cell.normalize('NFKC').trim();
  if (value === '') return { ok: true, value: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  const dayFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (year === undefined || !isValidCalendarDate(Number(year), Number(month), Number(day))) return { ok: false, code: 'invalid_date' };
  return { ok: true, value: formatIsoDate({ year: Number(year), month: Number(month), day: Number(day) }) };
}

/** A Decidim id as one of our external IDs: `decidim:<id>`. */
function readDecidimId(cell: string): Cell<string | null> {
  const value = normalizeJa(cell);
  if (value === '') return { ok: true, value: null };
  return readText(`${DECIDIM_ID_PREFIX}${value}`, NODE_LIMITS.externalId);
}

/**
 * Reads a Decidim Accountability results CSV as node rows (see the module comment). `locales` lists the
 * title locales the file has; `statusKeys` the status keys its accepted rows use, for the service to offer
 * creating the statuses the plan lacks.
 */
export function parseDecidimResultsCsv(
  bytes: Buffer,
  preferredLocales: string[] = ['ja', 'en'],
): { rows: ParsedNodeRow[]; locales: string[]; statusKeys: string[]; errors: RowError[] } {
  const { table, error } = readCsvTable(bytes);
  if (!table) return { rows: [], locales: [], statusKeys: [], errors: [error!] };
  const keys = table.headers.map((header) => normalizeJa(header).toLowerCase());
  const indexOf = (key: string) => keys.indexOf(key);
  const localized = (field: 'title' | 'description') =>
    keys.flatMap((key, index) => {
      const match = LOCALE.exec(key);
      return match && match[1] === field ? [{ locale: match[2]!.replace('_', '-'), index }] : [];
    });
  const titles = localized('title');
  const descriptions = localized('description');
  const locales = titles.map(({ locale }) => locale);
  if (titles.length === 0) {
    const column = `title/${preferredLocales[0] ?? 'en'}`;
    return { rows: [], locales, statusKeys: [], errors: [{ line: table.headerLine, column, code: 'missing_column' }] };
  }
  const preferred = preferredLocales.map((locale) => locale.toLowerCase().replace('_', '-'));
  const rank = (locale: string) => {
    const at = preferred.indexOf(locale);
    return at === -1 ? preferred.length : at;
  };
  /** The preferred locales first, then the file's order. */
  const byPreference = (columns: { locale: string; index: number }[]) =>
    [...columns].sort((a, b) => rank(a.locale) - rank(b.locale) || a.index - b.index);
  const titleColumns = byPreference(titles);
  const descriptionColumns = byPreference(descriptions);
  const englishTitle = titles.find(({ locale }) => locale === 'en');
  const columns = {
    id: indexOf('id'),
    parentId: indexOf('parent/id'),
    startsOn: indexOf('start_date'),
    endsOn: indexOf('end_date'),
    status: indexOf('status/id'),
    progress: indexOf('progress'),
    weight: indexOf('weight'),
  };

  const rows: ParsedNodeRow[] = [];
  const errors: RowError[] = [];
  const statusKeys = new Set<string>();
  for (const record of table.records) {
    const rowErrors: RowError[] = [];
    const cell = (index: number) => (index === -1 ? '' : (record.cells[index] ?? ''));
    const read = <T>(index: number, reader: (value: string) => Cell<T>): T | undefined => {
      if (index === -1) return undefined;
      const result = reader(cell(index));
      if (result.ok) return result.value;
      rowErrors.push({ line: record.line, column: table.headers[index]!, code: result.code, value: cell(index) });
      return undefined;
    };
    const fields: Partial<NodeFields> = {};

    const externalId = read(columns.id, readDecidimId) ?? null;
    const parentExternalId = read(columns.parentId, readDecidimId) ?? null;
    const title = titleColumns.map(({ index }) => htmlToText(cell(index))).find((value) => value.trim() !== '');
    const titleText = title === undefined ? undefined : readText(title, NODE_LIMITS.title);
    if (titleText === undefined) rowErrors.push({ line: record.line, column: table.headers[titleColumns[0]!.index]!, code: 'required' });
    else if (!titleText.ok) rowErrors.push({ line: record.line, column: table.headers[titleColumns[0]!.index]!, code: titleText.code, value: title });
    else fields.title = titleText.value!;
    if (englishTitle) {
      const english = read(englishTitle.index, (value) => readText(htmlToText(value), NODE_LIMITS.titleEn));
      if (english !== undefined) fields.titleEn = english;
    }
    if (descriptionColumns.length > 0) {
      const description = descriptionColumns.map(({ index }) => htmlToText(cell(index))).find((value) => value !== '') ?? '';
      const text = readLongText(description, NODE_LIMITS.description);
      if (text.ok) fields.description = text.value;
      else rowErrors.push({ line: record.line, column: table.headers[descriptionColumns[0]!.index]!, code: text.code });
    }
    const startsOn = read(columns.startsOn, readDecidimDate);
    if (startsOn !== undefined) fields.startsOn = startsOn;
    const endsOn = read(columns.endsOn, readDecidimDate);
    if (endsOn !== undefined) fields.endsOn = endsOn;
    if (startsOn && endsOn && endsOn < startsOn) {
      rowErrors.push({ line: record.line, column: table.headers[columns.endsOn]!, code: 'ends_before_start', value: endsOn });
    }
    const progress = read(columns.progress, (value) => readNumber(value, { min: 0, max: 100 }));
    if (progress !== undefined) fields.progress = progress;
    const weight = read(columns.weight, (value) => readNumber(value, { min: 0, max: 1_000_000 }));
    if (weight !== undefined && weight !== null) fields.weight = weight;
    const statusKey = read(columns.status, (value): Cell<string | null> => {
      const id = normalizeJa(value).toLowerCase();
      if (id === '') return { ok: true, value: null };
      const key = `${DECIDIM_STATUS_PREFIX}${id}`;
      return STATUS_KEY.test(key) ? { ok: true, value: key } : { ok: false, code: 'invalid_format' };
    });
    if (statusKey !== undefined) fields.statusKey = statusKey;

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    if (fields.statusKey) statusKeys.add(fields.statusKey);
    rows.push({ line: record.line, id: null, externalId, parentId: null, parentExternalId, hasParentColumn: columns.parentId !== -1, fields });
  }
  return { rows, locales, statusKeys: [...statusKeys], errors: sortErrors(errors) };
}
