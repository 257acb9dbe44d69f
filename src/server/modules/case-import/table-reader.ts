import ExcelJS from 'exceljs';
import { parse as parseSync } from 'csv-parse/sync';
import { decodeText, type DecodedText } from '../../platform/csv/decode';
import { readRecords } from '../companies/company-import';

/**
 * A file as a table: a header row and data records with their line numbers, from a CSV/TSV (any
 * Japanese encoding, see platform/csv/decode.ts) or a sheet of an Excel workbook. XLSX cells keep
 * their type (numbers, dates), so an Excel date cell is read as the date it shows.
 */

export type Cell = string | number | boolean | Date | null;

export interface TableRecord {
  /** Line in the file (CSV) or row number in the sheet (XLSX); the header is line 1. */
  line: number;
  cells: Cell[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  sheetNames: string[];
  sheet: string | null;
  headers: string[];
  records(): AsyncGenerator<TableRecord>;
  /** The first data records (for the mapping step), without reading the whole file. */
  sample(count: number): TableRecord[] | Promise<TableRecord[]>;
}

/** Why a whole file cannot be read; the job reports it instead of a row list. */
export class TableFileError extends Error {
  constructor(
    readonly code: 'EMPTY_FILE' | 'UNREADABLE_FILE' | 'SHEET_NOT_FOUND' | 'MISSING_KEY_COLUMN' | 'MAPPING_UNKNOWN_HEADER',
    readonly detail?: string,
  ) {
    super(code);
  }
}

const ZIP_SIGNATURE = 'PK\u0003\u0004';
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What the upload is, by its bytes (never by its name): an XLSX workbook, text (CSV/TSV), or something we refuse. */
export function sniffTableFormat(bytes: Buffer): 'csv' | 'xlsx' | null {
  const head = bytes.subarray(0, 4096);
  if (head.subarray(0, 4).toString('latin1') === ZIP_SIGNATURE) {
    // An Office Open XML package names its parts in the zip directory; a workbook has xl/ parts.
    return bytes.includes('[Content_Types].xml') && bytes.includes('xl/') ? 'xlsx' : null;
  }
  if (head.subarray(0, 8).equals(OLE_SIGNATURE)) return null; // the old .xls format: save as .xlsx or CSV
  const isUtf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!isUtf16 && head.includes(0)) return null;
  return 'csv';
}

/** A cell as people read it (sample rows, text fields): dates as YYYY-MM-DD [HH:MM]. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function excelCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return excelCell((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

function isBlankRow(cells: Cell[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

function csvTable(decoded: DecodedText): Table {
  let headerRecord: string[] | undefined;
  try {
    [headerRecord] = parseSync(decoded.text, { delimiter: decoded.delimiter, to_line: 1, relax_quotes: true }) as string[][];
  } catch (error) {
    throw new TableFileError('UNREADABLE_FILE', (error as Error).message);
  }
  if (!headerRecord || headerRecord.every((cell) => cell.trim() === '')) throw new TableFileError('EMPTY_FILE');
  return {
    format: 'csv',
    encoding: decoded.encoding,
    sheetNames: [],
    sheet: null,
    headers: headerRecord.map((header) => header.trim()),
    async *records() {
      for await (const record of readRecords(decoded)) yield record;
    },
    sample(count) {
      const options = { delimiter: decoded.delimiter, from_line: 2, to: count, relax_column_count: true, relax_quotes: true, skip_empty_lines: true };
      try {
        return (parseSync(decoded.text, options) as string[][]).map((cells, index) => ({ line: index + 2, cells }));
      } catch (error) {
        throw new TableFileError('UNREADABLE_FILE', (error as Error).message);
      }
    },
  };
}

async function xlsxTable(bytes: Buffer, sheetName: string | undefined): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new TableFileError('UNREADABLE_FILE', (error as Error).message);
  }
  const sheetNames = workbook.worksheets.map((worksheet) => worksheet.name);
  const worksheet = sheetName === undefined ? workbook.worksheets[0] : workbook.worksheets.find((candidate) => candidate.name === sheetName);
  if (!worksheet) throw new TableFileError(sheetName === undefined ? 'EMPTY_FILE' : 'SHEET_NOT_FOUND', sheetName);
  const rowCells = (row: ExcelJS.Row, width: number): Cell[] => {
    const cells: Cell[] = [];
    for (let column = 1; column <= width; column++) cells.push(excelCell(row.getCell(column).value));
    return cells;
  };
  const headerRow = worksheet.getRow(1);
  const width = headerRow.cellCount;
  const headers = rowCells(headerRow, width).map((cell) => cellText(cell).trim());
  if (headers.every((header) => header === '')) throw new TableFileError('EMPTY_FILE');
  const table: Table = {
    format: 'xlsx',
    encoding: null,
    sheetNames,
    sheet: worksheet.name,
    headers,
    async *records() {
      const last = worksheet.rowCount;
      for (let line = 2; line <= last; line++) {
        const row = worksheet.findRow(line);
        if (!row) continue;
        const cells = rowCells(row, Math.max(width, row.cellCount));
        if (!isBlankRow(cells)) yield { line, cells };
      }
    },
    async sample(count) {
      const records: TableRecord[] = [];
      for await (const record of table.records()) {
        records.push(record);
        if (records.length >= count) break;
      }
      return records;
    },
  };
  return table;
}

/** Opens an upload as a table; `sheet` picks a workbook's sheet (the first by default). */
export async function openTable(bytes: Buffer, sheet?: string | null): Promise<Table> {
  const format = sniffTableFormat(bytes);
  if (format === 'xlsx') return xlsxTable(bytes, sheet ?? undefined);
  if (format === 'csv') return csvTable(decodeText(bytes));
  throw new TableFileError('UNREADABLE_FILE');
}
