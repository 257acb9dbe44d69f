import { stringify } from 'csv-stringify/sync';
import type { CommissionReport } from '../../../shared/schemas/report';
import { encodeCp932 } from '../../platform/csv/decode';
import { longTableHeader, longTableRows } from './report-table';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The report's base table as CSV (ADR 0015): the long format of the workbook's data sheet, Japanese headers,
 * CRLF, RFC 4180 quoting; UTF-8 with a BOM (Excel opens it on a double click) or CP932.
 */
export function commissionCsv(report: CommissionReport, encoding: 'utf8' | 'cp932'): Buffer {
  const text = stringify([longTableHeader, ...longTableRows(report)], { record_delimiter: '\r\n' });
  return encoding === 'cp932' ? encodeCp932(text) : Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}
