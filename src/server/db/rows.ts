import { type Column, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';

/** The rows of a raw `tx.execute(sql…)` result (both drivers answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** JSON gives timestamps as ISO text and numeric as a number: back to what drizzle's mapping of the column gives. */
function decoderOf(column: Column): ((value: unknown) => unknown) | null {
  if (column.dataType === 'date') return (value) => (value === null ? null : new Date(value as string));
  if (column.dataType === 'string' && column.columnType === 'PgNumeric') return (value) => (value === null ? null : String(value));
  return null;
}

/**
 * Many rows of one table (the columns named by key, joined as the caller says) read as one JSON document of
 * arrays, `SELECT json_agg(json_build_array(r."key", …) ORDER BY …) FROM (SELECT "col" AS "key", … FROM … WHERE …) r`,
 * then decoded into the same values drizzle's select gives. Why: PGlite decodes a result field by field in
 * JavaScript, which dominates large reads (50,000 indicator periods: ~750 ms as rows, ~190 ms as one JSON text
 * parsed natively); on the server it costs the same as rows (~140 ms). Arrays rather than objects: the keys
 * repeated on every row made the server 50% slower. For reads of thousands of rows; a page of fifty reads as usual.
 *
 * `from` is the rest of the inner statement (`FROM … JOIN … WHERE …`); `orderBy` orders the aggregate over r's keys.
 */
export async function jsonRows<T extends PgTable, K extends keyof T['$inferSelect'] & string>(
  tx: Db,
  table: T,
  keys: readonly K[],
  from: SQL,
  orderBy?: SQL,
): Promise<Pick<T['$inferSelect'], K>[]> {
  const columns = getTableColumns(table) as Record<string, Column>;
  const select = sql.join(
    keys.map((key) => sql`${columns[key]!} AS ${sql.identifier(key)}`),
    sql`, `,
  );
  const values = sql.join(
    keys.map((key) => sql`r.${sql.identifier(key)}`),
    sql`, `,
  );
  const order = orderBy ? sql` ORDER BY ${orderBy}` : sql``;
  const result = await tx.execute(sql`SELECT coalesce(json_agg(json_build_array(${values})${order}), '[]')::text AS rows FROM (SELECT ${select} ${from}) r`);
  const arrays = JSON.parse(rowsOf<{ rows: string }>(result)[0]!.rows) as unknown[][];
  const decoders = keys.map((key) => decoderOf(columns[key]!));
  return arrays.map((values) => {
    const row: Record<string, unknown> = {};
    keys.forEach((key, index) => {
      const decode = decoders[index];
      row[key] = decode ? decode(values[index]) : values[index];
    });
    return row as Pick<T['$inferSelect'], K>;
  });
}

/** The rows of any statement as one JSON document (see jsonRows), as JSON gives them: keys are the column names. */
export async function jsonQueryRows<T>(tx: Db, query: SQL, orderBy?: SQL): Promise<T[]> {
  const order = orderBy ? sql` ORDER BY ${orderBy}` : sql``;
  const result = await tx.execute(sql`SELECT coalesce(json_agg(r${order}), '[]')::text AS rows FROM (${query}) r`);
  return JSON.parse(rowsOf<{ rows: string }>(result)[0]!.rows) as T[];
}
