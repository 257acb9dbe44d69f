import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { exportQuery } from '../../../shared/schemas/company-import';
import type { Db } from '../../db/client';
import { withActor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { encodeCp932 } from '../../platform/csv/decode';
import { companyPolicy } from './companies.policy';
import * as repository from './companies.repository';
import type { CursorPosition } from '../../platform/cursor';
import { companyToCsvRow, headerRow } from './company-csv';

const PAGE_SIZE = 1000;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The register as CSV: UTF-8 with BOM (Excel opens it on a double click) or CP932, CRLF, RFC 4180
 * quoting, Japanese headers. Streamed a page at a time, each page its own short transaction, so a
 * large export neither holds memory nor blocks the embedded database for other requests.
 */
export async function* exportCompaniesCsv(db: Db, principal: Principal, query: z.output<typeof exportQuery>): AsyncGenerator<Buffer> {
  const encode = (text: string) => (query.encoding === 'cp932' ? encodeCp932(text) : Buffer.from(text, 'utf8'));
  const toCsv = (rows: string[][]) => stringify(rows, { record_delimiter: '\r\n' });
  await withActor(db, principal, async (_tx, actor) => assertCan(companyPolicy.canExport(actor)));
  yield Buffer.concat([query.encoding === 'cp932' ? Buffer.alloc(0) : UTF8_BOM, encode(toCsv([headerRow()]))]);
  let after: CursorPosition | null = null;
  for (;;) {
    const page: { rows: string[][]; next: CursorPosition | null } = await withActor(db, principal, async (tx, actor) => {
      const { rows } = await repository.listCompanies(tx, actor.tenantId, { ...query, sort: 'name', limit: PAGE_SIZE, cursor: undefined }, after);
      const pageRows = rows.slice(0, PAGE_SIZE);
      const records = await repository.findCompanies(tx, actor.tenantId, pageRows.map((row) => row.id));
      const last = pageRows[pageRows.length - 1];
      return {
        rows: pageRows.map((row) => companyToCsvRow(records.get(row.id)!)),
        next: rows.length > PAGE_SIZE && last ? { value: last.sortValue, id: last.id } : null,
      };
    });
    if (page.rows.length > 0) yield encode(toCsv(page.rows));
    if (!page.next) return;
    after = page.next;
  }
}
