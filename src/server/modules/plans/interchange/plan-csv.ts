import { randomUUID } from 'node:crypto';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parseImportDate } from '../../../../shared/domain/import-dates';
import { normalizeJa } from '../../../../shared/domain/japanese-text';
import type { PeriodHalf } from '../../../../shared/domain/plans';
import { ERAS } from '../../../../shared/domain/wareki';
import { decodeText, encodeCp932 } from '../../../platform/csv/decode';

/**
 * A plan's node tree and its indicators' periods as CSV files that round-trip: what `nodesCsv` writes,
 * `parseNodesCsv` reads back, and `resolveNodeImport` then plans as updates that change nothing.
 *
 * Files follow the CSV conventions (jp_conventions §3.6): written as UTF-8 with a BOM (or CP932 on request),
 * CRLF, RFC 4180 quoting, Japanese headers in row 1; read in UTF-8 (± BOM), Shift_JIS (CP932), EUC-JP or
 * UTF-16, comma- or tab-separated, with headers in Japanese or as the English keys, text NFKC-normalised.
 * Multi-line descriptions stay in one quoted cell, so the file keeps one record per node.
 *
 * Nothing here reads or writes the database: the plans service gives rows and applies the plan.
 */

/** A problem with one line of a file (the header is line 1); `column` is the header as the file spells it. */
export interface RowError {
  line: number;
  column: string | null;
  code: string;
  value?: string;
}

export type CsvEncoding = 'utf-8' | 'cp932';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** CSV bytes: UTF-8 with a BOM (Excel opens it on a double click) or CP932 for legacy tools; CRLF, RFC 4180 quoting. */
function csvBytes(rows: (string | number | null)[][], encoding: CsvEncoding): Buffer {
  const text = stringify(
    rows.map((row) => row.map((value) => (value === null ? '' : String(value)))),
    { record_delimiter: '\r\n' },
  );
  return encoding === 'cp932' ? encodeCp932(text) : Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}

/* ---------- reading a CSV file ---------- */

export interface CsvRecord {
  /** Line in the file where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  encoding: string;
  headers: string[];
  headerLine: number;
  records: CsvRecord[];
}

/**
 * A CSV/TSV file as a header and its records with their line numbers; records with only blank cells are
 * left out. The delimiter is the most frequent of comma, tab and semicolon in the header line (Decidim
 * installations write semicolons). A file that cannot be parsed is answered with an error instead.
 */
export function readCsvTable(bytes: Buffer): { table: CsvTable | null; error: RowError | null } {
  const decoded = decodeText(bytes);
  const firstLine = decoded.text.slice(0, decoded.text.search(/\r?\n|$/));
  const count = (delimiter: string) => firstLine.split(delimiter).length - 1;
  const delimiter = ([',', '\t', ';'] as const).reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best), ',' as string);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true };
    parsed = parseSync(decoded.text, options) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { table: null, error: { line: typeof line === 'number' ? line : 1, column: null, code: 'unreadable_file' } };
  }
  // info.lines is the line where a record ends; a record spans as many lines as its cells have line breaks.
  const records = parsed.map(({ record, info }) => ({ line: info.lines - (record.join('').match(/\n/g)?.length ?? 0), cells: record }));
  const [header, ...rest] = records;
  if (!header || header.cells.every((cell) => cell.trim() === '')) return { table: null, error: { line: 1, column: null, code: 'empty_file' } };
  return {
    table: {
      encoding: decoded.encoding,
      headers: header.cells.map((cell) => cell.trim()),
      headerLine: header.line,
      records: rest.filter((record) => record.cells.some((cell) => cell.trim() !== '')),
    },
    error: null,
  };
}

interface ColumnSpec<K extends string> {
  key: K;
  /** The header the export writes. */
  header: string;
  /** The stable English key (snake_case) the parser also accepts. */
  alias: string;
  aliases?: readonly string[];
}

/** How headers are compared: NFKC, case, spaces, underscores and hyphens do not matter (external_id = externalId = External ID). */
const headerKey = (header: string) => normalizeJa(header).toLowerCase().replace(/[\s_-]/g, '');

/** Which column of the file holds each known key; unknown and repeated headers are reported on the header line. */
function mapColumns<K extends string>(table: CsvTable, specs: readonly ColumnSpec<K>[]) {
  const byHeader = new Map<string, K>();
  for (const spec of specs) for (const name of [spec.header, spec.alias, ...(spec.aliases ?? [])]) byHeader.set(headerKey(name), spec.key);
  const index = new Map<K, number>();
  const errors: RowError[] = [];
  table.headers.forEach((header, position) => {
    if (header === '') return;
    const key = byHeader.get(headerKey(header));
    if (key === undefined) errors.push({ line: table.headerLine, column: header, code: 'unknown_column' });
    else if (index.has(key)) errors.push({ line: table.headerLine, column: header, code: 'duplicate_column' });
    else index.set(key, position);
  });
  return { index, errors };
}

/* ---------- reading cells ---------- */

type Cell<T> = { ok: true; value: T } | { ok: false; code: string };
const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const fail = <T>(code: string): Cell<T> => ({ ok: false, code });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS_KEY = /^[a-z0-9_-]{1,40}$/;

/** One-line text: NFKC, spaces collapsed; blank is null. */
export function readText(cell: string, max: number): Cell<string | null> {
  const value = normalizeJa(cell);
  if (value === '') return ok(null);
  return value.length > max ? fail('too_long') : ok(value);
}

/** Multi-line text: NFKC, line breaks kept (LF), trailing spaces and blank edges dropped. */
export function readLongText(cell: string, max: number): Cell<string> {
  const value = cell
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+$/u, ''))
    .join('\n')
    .trim();
  return value.length > max ? fail('too_long') : ok(value);
}

/**
 * A number as people type it: full-width digits, thousands commas (1,234 / １，２３４), a leading sign;
 * no units (L2-01). Blank is null, never 0.
 */
export function readNumber(cell: string, range?: { min: number; max: number }): Cell<number | null> {
  const value = cell
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
  if (value === '') return ok(null);
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(value) || !/\d/.test(value)) return fail('not_a_number');
  const number = Number(value.replace(/,/g, ''));
  if (!Number.isFinite(number)) return fail('not_a_number');
  if (range && (number < range.min || number > range.max)) return fail('out_of_range');
  return ok(number);
}

function readInteger(cell: string, range: { min: number; max: number }): Cell<number | null> {
  const number = readNumber(cell, range);
  if (number.ok && number.value !== null && !Number.isInteger(number.value)) return fail('not_integer');
  return number;
}

/**
 * A calendar date: 2025-04-01, 2025/4/1, 2025年4月1日, 令和7年4月1日, R7.4.1, 20250401 (see import-dates.ts);
 * blank is null. Bare numbers other than YYYYMMDD are refused: in a CSV they are not Excel serials but mistakes.
 */
export function readDate(cell: string): Cell<string | null> {
  const value = cell.normalize('NFKC').trim();
  if (value === '') return ok(null);
  if (/^\d+(\.\d+)?$/.test(value) && !/^\d{8}$/.test(value)) return fail('invalid_date');
  const parsed = parseImportDate(value);
  return parsed ? ok(parsed.date) : fail('invalid_date');
}

function readUuid(cell: string): Cell<string | null> {
  const value = cell.normalize('NFKC').trim();
  if (value === '') return ok(null);
  return UUID.test(value) ? ok(value.toLowerCase()) : fail('invalid_uuid');
}

/* ---------- the node tree ---------- */

/** One node as the export writes it. */
export interface NodeCsvRow {
  id: string;
  externalId: string | null;
  parentId: string | null;
  parentExternalId: string | null;
  code: string | null;
  /** The level name override; null = the plan's level name for the node's depth. */
  levelName: string | null;
  title: string;
  titleEn: string | null;
  description: string;
  division: string | null;
  statusKey: string | null;
  /** Progress entered by hand (0–100); null = from the status or the children. */
  progress: number | null;
  weight: number;
  startsOn: string | null;
  endsOn: string | null;
  position: number;
}

/** A node's own fields (everything but its identity and parent). */
export interface NodeFields {
  code: string | null;
  levelName: string | null;
  title: string;
  titleEn: string | null;
  description: string;
  division: string | null;
  statusKey: string | null;
  progress: number | null;
  weight: number;
  startsOn: string | null;
  endsOn: string | null;
  /** null (new nodes only) = after their siblings. */
  position: number | null;
}

export type NodeFieldKey = keyof NodeFields;

/** A node row read from a file (ours or Decidim's), before it is matched against the plan. */
export interface ParsedNodeRow {
  line: number;
  id: string | null;
  externalId: string | null;
  parentId: string | null;
  parentExternalId: string | null;
  /** The file has a parent column: a blank parent then means a top node. Without one, updated nodes stay where they are. */
  hasParentColumn: boolean;
  /**
   * The fields the file has columns for. A blank cell clears an optional field (progress, dates, 担当課…);
   * blank 重み and 表示順 mean "not given", as neither can be empty.
   */
  fields: Partial<NodeFields>;
}

type NodeColumnKey = 'id' | 'externalId' | 'parentId' | 'parentExternalId' | Exclude<NodeFieldKey, 'position'> | 'position';

const nodeColumns: readonly ColumnSpec<NodeColumnKey>[] = [
  { key: 'id', header: 'ID', alias: 'id' },
  { key: 'externalId', header: '外部ID', alias: 'external_id' },
  { key: 'parentId', header: '親ID', alias: 'parent_id' },
  { key: 'parentExternalId', header: '親外部ID', alias: 'parent_external_id' },
  { key: 'code', header: 'コード', alias: 'code' },
  { key: 'levelName', header: '階層名', alias: 'level_name' },
  { key: 'title', header: 'タイトル', alias: 'title' },
  { key: 'titleEn', header: 'タイトル（英語）', alias: 'title_en' },
  { key: 'description', header: '説明', alias: 'description' },
  { key: 'division', header: '担当課', alias: 'division' },
  { key: 'statusKey', header: '状況', alias: 'status', aliases: ['status_key'] },
  { key: 'progress', header: '進捗（入力）', alias: 'progress', aliases: ['進捗'] },
  { key: 'weight', header: '重み', alias: 'weight' },
  { key: 'startsOn', header: '開始日', alias: 'starts_on' },
  { key: 'endsOn', header: '終了日', alias: 'ends_on' },
  { key: 'position', header: '表示順', alias: 'position' },
];

/** The export's header for a key (the column errors name when the file had no such column). */
const nodeHeader = (key: NodeColumnKey) => nodeColumns.find((column) => column.key === key)!.header;

/** Limits of the API (src/shared/schemas/plan.ts), checked here so that a planned import does not fail later. */
export const NODE_LIMITS = { code: 40, levelName: 30, title: 300, titleEn: 300, description: 10_000, division: 100, externalId: 100 } as const;

/** The node tree as CSV (rows in the order given: depth-first, parents first, reads best). */
export function nodesCsv(rows: NodeCsvRow[], options: { encoding?: CsvEncoding } = {}): Buffer {
  const values = rows.map((row) => [
    row.id,
    row.externalId,
    row.parentId,
    row.parentExternalId,
    row.code,
    row.levelName,
    row.title,
    row.titleEn,
    row.description,
    row.division,
    row.statusKey,
    row.progress,
    row.weight,
    row.startsOn,
    row.endsOn,
    row.position,
  ]);
  return csvBytes([nodeColumns.map((column) => column.header), ...values], options.encoding ?? 'utf-8');
}

export interface NodeParseOptions {
  /**
   * The plan's statuses: when given, the 状況 column may hold a status name (実施中) as well as its key, and an
   * unknown one is an error. Without them only the key's form is checked.
   */
  statuses?: readonly { key: string; name: string; nameEn?: string | null }[];
}

/** Reads a node tree CSV (ours, in any encoding; Japanese headers or English keys). Rows with an error are left out and reported. */
export function parseNodesCsv(bytes: Buffer, options: NodeParseOptions = {}): { rows: ParsedNodeRow[]; errors: RowError[] } {
  const { table, error } = readCsvTable(bytes);
  if (!table) return { rows: [], errors: [error!] };
  const { index, errors } = mapColumns(table, nodeColumns);
  if (!['id', 'externalId', 'code', 'title'].some((key) => index.has(key as NodeColumnKey))) {
    return { rows: [], errors: [...errors, { line: table.headerLine, column: nodeHeader('title'), code: 'missing_column' }] };
  }
  const statusByName = new Map<string, string>();
  for (const status of options.statuses ?? []) {
    for (const name of [status.key, status.name, status.nameEn]) if (name) statusByName.set(normalizeJa(name).toLowerCase(), status.key);
  }

  const rows: ParsedNodeRow[] = [];
  for (const record of table.records) {
    const rowErrors: RowError[] = [];
    const has = (key: NodeColumnKey) => index.has(key);
    const cellOf = (key: NodeColumnKey) => record.cells[index.get(key)!] ?? '';
    const read = <T>(key: NodeColumnKey, reader: (cell: string) => Cell<T>): T | undefined => {
      if (!has(key)) return undefined;
      const cell = cellOf(key);
      const result = reader(cell);
      if (result.ok) return result.value;
      rowErrors.push({ line: record.line, column: table.headers[index.get(key)!]!, code: result.code, value: cell });
      return undefined;
    };
    const fields: Partial<NodeFields> = {};
    const set = <K extends NodeFieldKey>(key: K, value: NodeFields[K] | undefined) => {
      if (value !== undefined) fields[key] = value;
    };

    const id = read('id', readUuid) ?? null;
    const externalId = read('externalId', (cell) => readText(cell, NODE_LIMITS.externalId)) ?? null;
    const parentId = read('parentId', readUuid) ?? null;
    const parentExternalId = read('parentExternalId', (cell) => readText(cell, NODE_LIMITS.externalId)) ?? null;
    set('code', read('code', (cell) => readText(cell, NODE_LIMITS.code)));
    set('levelName', read('levelName', (cell) => readText(cell, NODE_LIMITS.levelName)));
    const title = read('title', (cell) => readText(cell, NODE_LIMITS.title));
    if (title === null) rowErrors.push({ line: record.line, column: table.headers[index.get('title')!]!, code: 'required' });
    else set('title', title);
    set('titleEn', read('titleEn', (cell) => readText(cell, NODE_LIMITS.titleEn)));
    set('description', read('description', (cell) => readLongText(cell, NODE_LIMITS.description)));
    set('division', read('division', (cell) => readText(cell, NODE_LIMITS.division)));
    set(
      'statusKey',
      read('statusKey', (cell): Cell<string | null> => {
        const value = normalizeJa(cell);
        if (value === '') return ok(null);
        if (options.statuses) {
          const key = statusByName.get(value.toLowerCase());
          return key ? ok(key) : fail('unknown_status');
        }
        return STATUS_KEY.test(value) ? ok(value) : fail('invalid_format');
      }),
    );
    set('progress', read('progress', (cell) => readNumber(cell, { min: 0, max: 100 })));
    const weight = read('weight', (cell) => readNumber(cell, { min: 0, max: 1_000_000 }));
    if (weight !== undefined && weight !== null) fields.weight = weight;
    set('startsOn', read('startsOn', readDate));
    set('endsOn', read('endsOn', readDate));
    const position = read('position', (cell) => readInteger(cell, { min: 0, max: 100_000 }));
    if (position !== undefined && position !== null) fields.position = position;
    if (fields.startsOn && fields.endsOn && fields.endsOn < fields.startsOn) {
      rowErrors.push({ line: record.line, column: table.headers[index.get('endsOn')!]!, code: 'ends_before_start', value: fields.endsOn });
    }

    if (rowErrors.length > 0) errors.push(...rowErrors);
    else {
      const hasParentColumn = has('parentId') || has('parentExternalId');
      rows.push({ line: record.line, id, externalId, parentId, parentExternalId, hasParentColumn, fields });
    }
  }
  return { rows, errors: sortErrors(errors) };
}

/** Errors in file order (stable within a line). */
export function sortErrors(errors: RowError[]): RowError[] {
  return [...errors].sort((a, b) => a.line - b.line);
}

/* ---------- planning the import ---------- */

/**
 * A node of the plan as it is now. Only the identity is required; the other fields, when given, let the
 * planner tell which updates change nothing (a field it is not given counts as changed when the file has it).
 */
export type ExistingNode = { id: string; externalId: string | null; parentId: string | null; code: string | null } & Partial<Omit<NodeFields, 'code'>>;

export interface NodeCreate {
  line: number;
  /** A new UUID, assigned here so that children created in the same import can point at it. */
  id: string;
  parentId: string | null;
  externalId: string | null;
  fields: NodeFields;
}

export interface NodeUpdate {
  line: number;
  id: string;
  /** The parent after the import (the current one unless the file moves the node). */
  parentId: string | null;
  /** The external ID after the import. */
  externalId: string | null;
  /** The fields the file gives; the others stay as they are. */
  fields: Partial<NodeFields>;
  /** What differs from the node as it is ('parentId', 'externalId' or a field). */
  changedFields: (NodeFieldKey | 'parentId' | 'externalId')[];
  /** false = a no-op (the service may skip it: no write, no audit record). */
  changed: boolean;
}

export interface NodeImportPlan {
  /** Parents before their children: apply in this order, then the updates. */
  creates: NodeCreate[];
  updates: NodeUpdate[];
  errors: RowError[];
}

const NEW_NODE_DEFAULTS: Omit<NodeFields, 'title'> = {
  code: null,
  levelName: null,
  titleEn: null,
  description: '',
  division: null,
  statusKey: null,
  progress: null,
  weight: 1,
  startsOn: null,
  endsOn: null,
  position: null,
};

/**
 * Plans the upsert of a node tree file into a plan, without touching the database. The rules:
 *
 * 1. Matching: a row updates the node with its ID; else the node with its 外部ID; else the node with its
 *    コード; else it creates a node with a new UUID. An ID that is not a node of the plan is not an error:
 *    the row falls through to 外部ID and コード, and is otherwise created under a new ID (so a file
 *    exported from another plan copies that tree); the file's other rows may still name it as 親ID.
 * 2. Parents: 親ID names a row of the same file (by its ID, in any order) or a node of the plan; else
 *    親外部ID names a row of the file (by its 外部ID) or a node of the plan. Both blank: a top node, if the
 *    file has a parent column at all; a file without parent columns leaves nodes where they are (new
 *    ones at the top). When both are given, 親ID decides, and a 親外部ID naming another node is an error
 *    (parent_mismatch).
 * 3. Rejected, each with its line: an unknown parent (unknown_parent); a parent whose own row was
 *    rejected (parent_rejected); a parent that is the node itself or one of its descendants after the
 *    import, i.e. a cycle (cycle, on every row on the cycle that sets a new parent); repeated IDs,
 *    外部IDs or コードs in the file (duplicate_id, duplicate_external_id, duplicate_code); two rows
 *    matching one node (duplicate_match); an ID with a 外部ID of another node (external_id_taken); a
 *    コード or 外部ID another node keeps (code_taken, external_id_taken); a new node without a タイトル
 *    (required). Rejections repeat until stable, since leaving out a row can orphan its children.
 * 4. A blank 外部ID never clears one. Updates carry `changed`; creates come parents first.
 */
export function resolveNodeImport(parsed: ParsedNodeRow[], existing: ExistingNode[]): NodeImportPlan {
  const errors: RowError[] = [];
  const rejected = new Set<ParsedNodeRow>();
  const reject = (row: ParsedNodeRow, column: NodeColumnKey | null, code: string, value?: string | null) => {
    rejected.add(row);
    errors.push({ line: row.line, column: column ? nodeHeader(column) : null, code, ...(value ? { value } : {}) });
  };
  const byId = new Map(existing.map((node) => [node.id, node]));
  const byExternalId = new Map(existing.filter((node) => node.externalId !== null).map((node) => [node.externalId!, node]));
  const byCode = new Map(existing.filter((node) => node.code !== null).map((node) => [node.code!, node]));

  // Repeated keys in the file: the first row keeps the key, later ones are rejected.
  const seen = { id: new Set<string>(), externalId: new Set<string>(), code: new Set<string>() };
  for (const row of parsed) {
    if (row.id !== null && seen.id.has(row.id)) reject(row, 'id', 'duplicate_id', row.id);
    else if (row.externalId !== null && seen.externalId.has(row.externalId)) reject(row, 'externalId', 'duplicate_external_id', row.externalId);
    else if (row.fields.code != null && seen.code.has(row.fields.code)) reject(row, 'code', 'duplicate_code', row.fields.code);
    if (row.id !== null) seen.id.add(row.id);
    if (row.externalId !== null) seen.externalId.add(row.externalId);
    if (row.fields.code != null) seen.code.add(row.fields.code);
  }

  // Matching.
  const targets = new Map<ParsedNodeRow, { id: string; node: ExistingNode | null }>();
  const claimed = new Set<string>();
  for (const row of parsed) {
    if (rejected.has(row)) continue;
    const node =
      (row.id !== null ? byId.get(row.id) : undefined) ??
      (row.externalId !== null ? byExternalId.get(row.externalId) : undefined) ??
      (row.fields.code != null ? byCode.get(row.fields.code) : undefined) ??
      null;
    if (node && claimed.has(node.id)) {
      reject(row, null, 'duplicate_match', node.id);
      continue;
    }
    if (!node && row.fields.title === undefined) {
      reject(row, 'title', 'required');
      continue;
    }
    if (node) claimed.add(node.id);
    targets.set(row, { id: node?.id ?? randomUUID(), node });
  }

  const parents = new Map<ParsedNodeRow, string | null>();
  for (;;) {
    const live = parsed.filter((row) => !rejected.has(row));
    const rejectedBefore = rejected.size;
    const fileById = new Map(live.filter((row) => row.id !== null).map((row) => [row.id!, row]));
    const fileByExternalId = new Map(live.filter((row) => row.externalId !== null).map((row) => [row.externalId!, row]));
    const rejectedIds = new Set([...rejected].flatMap((row) => (row.id !== null ? [row.id] : [])));
    const rejectedExternalIds = new Set([...rejected].flatMap((row) => (row.externalId !== null ? [row.externalId] : [])));

    // Parents: a row of the file first, then a node of the plan.
    const targetOf = (fileRow: ParsedNodeRow | undefined) => (fileRow ? targets.get(fileRow)!.id : undefined);
    parents.clear();
    for (const row of live) {
      const target = targets.get(row)!;
      const byParentId = row.parentId === null ? undefined : (targetOf(fileById.get(row.parentId)) ?? byId.get(row.parentId)?.id);
      const byParentExternalId =
        row.parentExternalId === null
          ? undefined
          : (targetOf(fileByExternalId.get(row.parentExternalId)) ?? byExternalId.get(row.parentExternalId)?.id);
      if (row.parentId !== null && byParentId === undefined) {
        reject(row, 'parentId', rejectedIds.has(row.parentId) ? 'parent_rejected' : 'unknown_parent', row.parentId);
      } else if (row.parentExternalId !== null && byParentExternalId === undefined && row.parentId === null) {
        reject(row, 'parentExternalId', rejectedExternalIds.has(row.parentExternalId) ? 'parent_rejected' : 'unknown_parent', row.parentExternalId);
      } else if (byParentId !== undefined && byParentExternalId !== undefined && byParentId !== byParentExternalId) {
        reject(row, 'parentExternalId', 'parent_mismatch', row.parentExternalId);
      } else {
        const parent = byParentId ?? byParentExternalId ?? (row.hasParentColumn ? null : (target.node?.parentId ?? null));
        if (parent === target.id) reject(row, row.parentId !== null ? 'parentId' : 'parentExternalId', 'cycle', row.parentId ?? row.parentExternalId);
        else parents.set(row, parent);
      }
    }
    if (rejected.size > rejectedBefore) continue;

    // Cycles in the tree after the import: walk up from every node whose parent the file sets.
    const parentAfter = new Map(existing.map((node) => [node.id, node.parentId]));
    for (const row of live) parentAfter.set(targets.get(row)!.id, parents.get(row)!);
    const rowByTarget = new Map(live.map((row) => [targets.get(row)!.id, row]));
    const isNewParent = (row: ParsedNodeRow) => {
      const { node } = targets.get(row)!;
      return node === null || node.parentId !== parents.get(row);
    };
    for (const row of live) {
      if (!isNewParent(row)) continue;
      const start = targets.get(row)!.id;
      const path: string[] = [];
      let current: string | null | undefined = parentAfter.get(start);
      while (current != null && current !== start && path.length <= parentAfter.size) {
        path.push(current);
        current = parentAfter.get(current);
      }
      if (current !== start) continue;
      for (const id of [start, ...path]) {
        const onCycle = rowByTarget.get(id);
        if (onCycle && !rejected.has(onCycle) && isNewParent(onCycle)) {
          reject(onCycle, onCycle.parentId !== null ? 'parentId' : 'parentExternalId', 'cycle', onCycle.parentId ?? onCycle.parentExternalId);
        }
      }
    }
    if (rejected.size > rejectedBefore) continue;

    // コード and 外部ID stay unique in the plan after the import: the values nodes keep come first, then the
    // values rows set, in file order (so a swap of two codes within the file is fine).
    const matched = new Set(live.flatMap((row) => (targets.get(row)!.node ? [targets.get(row)!.id] : [])));
    const kept = (pick: (node: ExistingNode) => string | null, sets: (row: ParsedNodeRow) => boolean) =>
      new Set([
        ...existing.filter((node) => !matched.has(node.id)).map(pick),
        ...live.filter((row) => !sets(row)).map((row) => targets.get(row)!.node).flatMap((node) => (node ? [pick(node)] : [])),
      ]);
    const setsCode = (row: ParsedNodeRow) => row.fields.code !== undefined && row.fields.code !== targets.get(row)!.node?.code;
    const setsExternalId = (row: ParsedNodeRow) => row.externalId !== null && row.externalId !== targets.get(row)!.node?.externalId;
    const codes = kept((node) => node.code, setsCode);
    const externalIds = kept((node) => node.externalId, setsExternalId);
    for (const row of live) {
      if (setsCode(row) && row.fields.code != null) {
        if (codes.has(row.fields.code)) reject(row, 'code', 'code_taken', row.fields.code);
        codes.add(row.fields.code);
      }
      if (setsExternalId(row)) {
        if (externalIds.has(row.externalId)) reject(row, 'externalId', 'external_id_taken', row.externalId);
        externalIds.add(row.externalId);
      }
    }
    if (rejected.size === rejectedBefore) break;
  }

  const live = parsed.filter((row) => !rejected.has(row));
  const creates: NodeCreate[] = [];
  const updates: NodeUpdate[] = [];
  for (const row of live) {
    const { id, node } = targets.get(row)!;
    const parentId = parents.get(row)!;
    if (!node) {
      const fields = { ...NEW_NODE_DEFAULTS, ...row.fields, title: row.fields.title! };
      creates.push({ line: row.line, id, parentId, externalId: row.externalId, fields });
      continue;
    }
    const externalId = row.externalId ?? node.externalId;
    const changedFields: NodeUpdate['changedFields'] = [];
    if (parentId !== node.parentId) changedFields.push('parentId');
    if (externalId !== node.externalId) changedFields.push('externalId');
    for (const key of Object.keys(row.fields) as NodeFieldKey[]) {
      if (row.fields[key] !== node[key]) changedFields.push(key);
    }
    updates.push({ line: row.line, id, parentId, externalId, fields: row.fields, changedFields, changed: changedFields.length > 0 });
  }
  return { creates: parentsFirst(creates), updates, errors: sortErrors(errors) };
}

/** Creates ordered so that each comes after the create of its parent (file order otherwise). */
function parentsFirst(creates: NodeCreate[]): NodeCreate[] {
  const byId = new Map(creates.map((create) => [create.id, create]));
  const ordered: NodeCreate[] = [];
  const placed = new Set<string>();
  const place = (create: NodeCreate) => {
    if (placed.has(create.id)) return;
    placed.add(create.id);
    const parent = create.parentId !== null ? byId.get(create.parentId) : undefined;
    if (parent) place(parent);
    ordered.push(create);
  };
  creates.forEach(place);
  return ordered;
}

/* ---------- indicator periods (targets) ---------- */

/** Where the period's actual stands in the reporting workflow. */
export type PeriodReportingStatus = 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved' | 'computed';

/** One period of an indicator as the export writes it. */
export interface PeriodCsvRow {
  indicatorId: string;
  indicatorExternalId: string | null;
  indicatorName: string;
  unit: string;
  fiscalYear: number;
  half: PeriodHalf;
  target: number | null;
  /** The approved actual (for reference: never imported). */
  actual: number | null;
  status: PeriodReportingStatus;
}

export interface ParsedPeriodRow {
  line: number;
  indicatorId: string | null;
  indicatorExternalId: string | null;
  fiscalYear: number;
  half: PeriodHalf;
  /** null with `targetGiven` = clear the target. */
  target: number | null;
  /** false = the cell was blank: leave the target as it is. */
  targetGiven: boolean;
}

/** Values of the 期 column: part of the file format, written by the export and read back. */
const HALF_LABELS: Record<'year' | '1' | '2', string> = { year: '年度', '1': '上期', '2': '下期' };
const HALF_ALIASES = new Map<string, PeriodHalf>([
  ...['', '年度', '通年', '年間', 'year', 'fy', '0'].map((name) => [name, null] as const),
  ...['上期', '上半期', '前期', '1', 'h1', 'first', 'firsthalf'].map((name) => [name, 1] as const),
  ...['下期', '下半期', '後期', '2', 'h2', 'second', 'secondhalf'].map((name) => [name, 2] as const),
]);
/** The 状態 column's words (for people; not read back). */
const STATUS_LABELS: Record<PeriodReportingStatus, string> = {
  not_started: '未着手',
  draft: '下書き',
  submitted: '提出済み',
  returned: '差戻し',
  approved: '承認済み',
  computed: '自動集計',
};
/** A target cell holding one of these clears the target (a blank cell leaves it). */
const CLEAR_TARGET = new Set(['-', '—', '―', 'ー', 'なし', 'null']);

type PeriodColumnKey = 'indicatorId' | 'indicatorExternalId' | 'indicatorName' | 'unit' | 'fiscalYear' | 'half' | 'target' | 'actual' | 'status';

const periodColumns: readonly ColumnSpec<PeriodColumnKey>[] = [
  { key: 'indicatorId', header: '指標ID', alias: 'indicator_id' },
  { key: 'indicatorExternalId', header: '指標外部ID', alias: 'indicator_external_id' },
  { key: 'indicatorName', header: '指標名', alias: 'indicator_name' },
  { key: 'unit', header: '単位', alias: 'unit' },
  { key: 'fiscalYear', header: '年度', alias: 'fiscal_year' },
  { key: 'half', header: '期', alias: 'half', aliases: ['period'] },
  { key: 'target', header: '目標', alias: 'target' },
  { key: 'actual', header: '実績（承認済）', alias: 'actual', aliases: ['実績'] },
  { key: 'status', header: '状態', alias: 'status' },
];

const periodHeader = (key: PeriodColumnKey) => periodColumns.find((column) => column.key === key)!.header;

/** Indicator periods as CSV: one row per indicator and period (縦持ち), for entering targets in bulk. */
export function periodsCsv(rows: PeriodCsvRow[], options: { encoding?: CsvEncoding } = {}): Buffer {
  const values = rows.map((row) => [
    row.indicatorId,
    row.indicatorExternalId,
    row.indicatorName,
    row.unit,
    row.fiscalYear,
    HALF_LABELS[row.half === null ? 'year' : row.half === 1 ? '1' : '2'],
    row.target,
    row.actual,
    STATUS_LABELS[row.status],
  ]);
  return csvBytes([periodColumns.map((column) => column.header), ...values], options.encoding ?? 'utf-8');
}

/** 年度 as 2025, 2025年度, 2025（令和7）年度, FY2025, 令和7年度, 令和元年度, R7 or H31. */
export function readFiscalYear(cell: string): Cell<number | null> {
  const value = normalizeJa(cell).replace(/\s/g, '');
  if (value === '') return ok(null);
  let year: number | null = null;
  const western = /^(?:fy)?(\d{4})(?:\([^)]*\))?(?:年度?)?$/i.exec(value);
  const era = /^(令和|平成|昭和|[RHS])(\d{1,2}|元)(?:年度?)?$/i.exec(value);
  if (western) {
    year = Number(western[1]);
  } else if (era) {
    const name = era[1]!;
    const found = ERAS.find((candidate) => candidate.name === name || candidate.nameEn.charAt(0) === name.toUpperCase());
    if (found) year = found.firstYear + (era[2] === '元' ? 1 : Number(era[2])) - 1;
  }
  if (year === null) return fail('invalid_fiscal_year');
  return year < 1990 || year > 2100 ? fail('out_of_range') : ok(year);
}

/**
 * Reads a periods CSV for entering targets in bulk. Actuals are NOT imported, whatever the 実績 column says:
 * they are submitted and approved one by one (the update workflow), so the column is read past; so are
 * 指標名, 単位 and 状態, which are there for people.
 */
export function parsePeriodsCsv(bytes: Buffer): { rows: ParsedPeriodRow[]; errors: RowError[] } {
  const { table, error } = readCsvTable(bytes);
  if (!table) return { rows: [], errors: [error!] };
  const { index, errors } = mapColumns(table, periodColumns);
  const missing: PeriodColumnKey[] = [];
  if (!index.has('indicatorId') && !index.has('indicatorExternalId')) missing.push('indicatorId');
  if (!index.has('fiscalYear')) missing.push('fiscalYear');
  if (missing.length > 0) {
    return { rows: [], errors: [...errors, ...missing.map((key) => ({ line: table.headerLine, column: periodHeader(key), code: 'missing_column' }))] };
  }
  const column = (key: PeriodColumnKey) => (index.has(key) ? table.headers[index.get(key)!]! : periodHeader(key));

  const rows: ParsedPeriodRow[] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const rowErrors: RowError[] = [];
    const cellOf = (key: PeriodColumnKey) => (index.has(key) ? (record.cells[index.get(key)!] ?? '') : '');
    const read = <T>(key: PeriodColumnKey, reader: (cell: string) => Cell<T>): T | undefined => {
      const result = reader(cellOf(key));
      if (result.ok) return result.value;
      rowErrors.push({ line: record.line, column: column(key), code: result.code, value: cellOf(key) });
      return undefined;
    };
    const indicatorId = read('indicatorId', readUuid) ?? null;
    const indicatorExternalId = read('indicatorExternalId', (cell) => readText(cell, NODE_LIMITS.externalId)) ?? null;
    if (indicatorId === null && indicatorExternalId === null && rowErrors.length === 0) {
      rowErrors.push({ line: record.line, column: column('indicatorId'), code: 'required' });
    }
    const fiscalYear = read('fiscalYear', readFiscalYear);
    if (fiscalYear === null) rowErrors.push({ line: record.line, column: column('fiscalYear'), code: 'required' });
    const half = read('half', (cell): Cell<PeriodHalf> => {
      const key = normalizeJa(cell).toLowerCase().replace(/[\s_-]/g, '');
      return HALF_ALIASES.has(key) ? ok(HALF_ALIASES.get(key)!) : fail('invalid_half');
    });
    const targetCell = normalizeJa(cellOf('target'));
    const targetGiven = targetCell !== '';
    const target = CLEAR_TARGET.has(targetCell.toLowerCase()) ? null : read('target', (cell) => readNumber(cell, { min: -1e15, max: 1e15 }));

    if (rowErrors.length === 0 && fiscalYear != null && half !== undefined && target !== undefined) {
      const key = `${indicatorId ?? `ext:${indicatorExternalId}`}|${fiscalYear}|${half ?? 'year'}`;
      const first = seen.get(key);
      if (first !== undefined) {
        rowErrors.push({ line: record.line, column: column('fiscalYear'), code: 'duplicate_period', value: String(first) });
      } else {
        seen.set(key, record.line);
        rows.push({ line: record.line, indicatorId, indicatorExternalId, fiscalYear, half, target, targetGiven });
      }
    }
    errors.push(...rowErrors);
  }
  return { rows, errors: sortErrors(errors) };
}
