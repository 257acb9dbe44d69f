import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';

/**
 * Inserts many rows with ONE parameter: the rows as a JSON array, unpacked by `jsonb_to_recordset`.
 * A multi-row VALUES list of 500 companies is 17,500 parameters that the query builder assembles and
 * PostgreSQL parses one by one; this is a single string, on both drivers. Only the columns present in
 * the first row are written (the others keep their defaults), so every row must set the same columns.
 */
export async function insertJsonRecords<T extends PgTable>(tx: Db, table: T, rows: Partial<T['$inferInsert']>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const definitions = sql.raw(columns.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(', '));
  const records = rows.map((row) =>
    Object.fromEntries(columns.map(([key, column]) => [column.name, toJsonValue((row as Record<string, unknown>)[key])])),
  );
  await tx.execute(
    sql`INSERT INTO ${sql.identifier(getTableName(table))} (${names}) SELECT ${names} FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(${definitions})`,
  );
}

function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
