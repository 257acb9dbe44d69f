import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { projectPath } from '../platform/project-path';
import * as schema from './schema';

export type Schema = typeof schema;
/** A drizzle handle (database or transaction) on either driver. Repositories take this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseTarget =
  | { kind: 'embedded'; directory: string | null }
  | { kind: 'server'; url: string };

export interface Database {
  kind: DatabaseTarget['kind'];
  /** Runs as tsumugi_app: row-level security applies to every query made through it. */
  db: Db;
  close(): Promise<void>;
  /**
   * Refreshes planner statistics. PGlite has no background workers (no autovacuum), so the app calls
   * this after bulk changes and periodically (main.ts), or the planner keeps guessing from the empty
   * tables of the first start; on a server it spares a large import the wait for autovacuum.
   */
  maintain(): Promise<void>;
}

export const APP_ROLE = 'tsumugi_app';
const migrationsFolder = projectPath('src/server/db/migrations');

/**
 * Opens the database, checks that it can index Japanese, applies pending migrations as the owner,
 * and returns a handle whose queries run as the application role.
 *
 * PGlite is a single connection that serialises queries and transactions: never call the outer
 * `db` from inside a transaction callback (it would wait for the transaction forever).
 */
export async function openDatabase(target: DatabaseTarget, options: { maxConnections?: number } = {}): Promise<Database> {
  if (target.kind === 'embedded') {
    if (target.directory) await mkdir(target.directory, { recursive: true });
    const client = await PGlite.create({ dataDir: target.directory ?? undefined, extensions: { pg_trgm } });
    const db = drizzlePglite({ client, schema });
    try {
      await assertJapaneseTrigrams(db, target);
      await migratePglite(db, { migrationsFolder });
      await db.execute(sql.raw(`SET ROLE ${APP_ROLE}`));
    } catch (error) {
      await client.close();
      throw error;
    }
    return {
      kind: 'embedded',
      db: db as unknown as Db,
      close: () => client.close(),
      // One exec, so no other query runs as the owner in between. (VACUUM cannot run in the implicit
      // transaction of a multi-statement exec; ANALYZE, what the planner needs, can.)
      maintain: async () => {
        await client.exec(`RESET ROLE; ANALYZE; SET ROLE ${APP_ROLE};`);
      },
    };
  }

  const owner = new pg.Client({ connectionString: target.url });
  await owner.connect();
  try {
    const ownerDb = drizzlePg({ client: owner, schema });
    await assertJapaneseTrigrams(ownerDb, target);
    await migratePg(ownerDb, { migrationsFolder });
  } finally {
    await owner.end();
  }
  // Every pooled connection runs as the application role from its start (a startup parameter, no extra
  // round trip); the owner is used only for migrations. withActor/withTenant set it per transaction too.
  const pool = new pg.Pool({ connectionString: target.url, max: options.maxConnections ?? 10, options: `-c role=${APP_ROLE}` });
  const db = drizzlePg({ client: pool, schema });
  return {
    kind: 'server',
    db: db as unknown as Db,
    close: () => pool.end(),
    // Autovacuum analyses in its own time; after a bulk import the lists should not wait for it. As the
    // session's owner (RESET ROLE), then back to the application role before the connection returns.
    maintain: async () => {
      const client = await pool.connect();
      try {
        await client.query(`RESET ROLE; ANALYZE company, company_contact, company_external_id, audit_event; SET ROLE ${APP_ROLE}`);
      } finally {
        client.release();
      }
    },
  };
}

/**
 * pg_trgm only sees Japanese characters as word characters under a UTF-8 ctype; with `C` the
 * trigram index silently matches nothing. Refuse to start rather than serve a search that fails.
 */
async function assertJapaneseTrigrams(db: { execute: Db['execute'] }, target: DatabaseTarget): Promise<void> {
  await db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  const result = (await db.execute(sql`SELECT cardinality(show_trgm('日本語テキスト'))::int AS count`)) as { rows: { count: number }[] };
  const count = Number(result.rows[0]?.count ?? 0);
  if (count === 0) {
    const hint =
      target.kind === 'server'
        ? "CREATE DATABASE tsumugi TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';"
        : 'the embedded database should always pass this check; please report it.';
    throw new DatabaseCheckError(
      `This database cannot index Japanese text: show_trgm('日本語テキスト') is empty, so its character type (LC_CTYPE) is not UTF-8.\n` +
        `Create the database with a UTF-8 ctype, for example:\n  ${hint}`,
    );
  }
}

export class DatabaseCheckError extends Error {
  override name = 'DatabaseCheckError';
}
